// A file-descriptor or inotify limit was hit: "too many open files" (EMFILE), "failed to create fsnotify watcher",
// "ENOSPC: System limit for number of file watchers reached". Raised with sysctl fs.inotify.* or the process's
// RLIMIT_NOFILE (LimitNOFILE, ulimit -n); many kind nodes and log followers use up the default 128 inotify instances.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf } from './evidence-facts.js';
import { markerRe, outputMatching } from './infra-markers.js';
import { kindLogLines } from './kind-create-signatures.js';

/**
 * The inotify watch limit itself: systemd's "inotify watch limit reached", Node's "System limit for number of file
 * watchers", the sysctl's name. inotify_add_watch(2) reports that limit as ENOSPC, so a "No space left on device"
 * printed beside it is this limit, not a full disk (inotify(7)).
 */
export const INOTIFY_LIMIT = /inotify watch limit|limit for number of file watchers|max_user_watches/i;

/**
 * The limit in a kind node's own logs (kubelet, containerd, systemd: `failed to run Kubelet: too many open files`,
 * `Failed to allocate directory watch: Too many open files`), read only when the cluster step failed. Not a bare
 * "inotify": a booting node names inotify in lines that are no limit.
 */
export const NODE_LIMIT = /too many open files|\bEMFILE\b|max_user_(?:watches|instances)|inotify watch limit/i;

/** The process/thread limit in Go's, glibc's and bash's words (EAGAIN from clone). */
const THREAD_LIMIT =
  /failed to create new OS thread|may need to increase max user processes|pthread_create failed: Resource temporarily unavailable|fork: (?:retry: )?Resource temporarily unavailable/i;

export const fileLimits: Rule = {
  id: 'file-limits',
  title: 'A file-descriptor or inotify limit was reached',
  refs: ['corpus: file-limits'],
  match(input: TriageInput): Match | undefined {
    const lines = [...outputMatching(input, markerRe('file-limits'), 3), ...kindLogLines(input, NODE_LIMIT, 3)];
    if (lines.length === 0) return undefined;
    const inotify = /inotify|fsnotify|watcher|file watchers/i.test(lines.join('\n'));
    const watchLimit = outputMatching(input, INOTIFY_LIMIT, 1).length > 0;
    // The process/thread limit: the Go runtime then dies with `fatal error: newosproc`, a crash this limit explains.
    const threads = outputMatching(input, THREAD_LIMIT, 1).length > 0;
    return {
      confidence: conf(0.85),
      explains: watchLimit ? ['file-limits', 'no-space'] : threads ? ['file-limits', 'crash'] : ['file-limits'],
      summary: threads
        ? "A process could not start another thread or process: the user's process limit (ulimit -u / LimitNPROC) or the container's pids limit is reached."
        : inotify
          ? 'The inotify limits of the host are used up (fs.inotify.max_user_instances / max_user_watches): a watcher could not be created.'
          : 'A process ran out of file descriptors (too many open files): its RLIMIT_NOFILE, or the inotify instances behind a watcher, are exhausted.',
      evidence: lines,
      actions: [
        'sysctl fs.inotify.max_user_instances fs.inotify.max_user_watches; ulimit -n',
        'sudo sysctl -w fs.inotify.max_user_instances=8192 fs.inotify.max_user_watches=524288',
        'raise LimitNOFILE of the engine service (or ulimit -n) if it is the descriptor limit',
        ...(threads
          ? ['ulimit -u; raise LimitNPROC / TasksMax of the engine service, or the pids limit (--pids-limit)']
          : []),
      ],
    };
  },
};
