// The engine's storage, the temp dir or a node's disk ran out of space: `no space left on device` (and the other
// programs' words for it, NO_SPACE_WORDS), the kubelet's disk pressure, or almost no free bytes.
import type { DiskFacts, Match, Rule, TriageInput } from '../types.js';
import { bytes, conf, engineCmd, failureLines, pods, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';
import { INOTIFY_LIMIT } from './file-limits.js';
import { kindLogLines } from './kind-create-signatures.js';
import { DISK_PRESSURE, NO_SPACE_WORDS, outputMatching } from './infra-markers.js';

/**
 * ENOSPC and EDQUOT that are no disk: podman's lock allocation ("allocating lock for new container: no space left on
 * device") when all num_locks of containers.conf are taken (podman-system-renumber(1)); a cgroup the kernel would not
 * create (`mkdir /sys/fs/cgroup/memory/...: no space left on device`: the memory controller's 65535 cgroup ids used up,
 * moby/moby#29638, kubernetes/kubernetes#70324); runc's session keyring over the kernel's key quota (`could not create
 * session key: disk quota exceeded`, kernel.keys.maxkeys/maxbytes in keyrings(7), moby/moby#22865).
 */
const NOT_A_DISK =
  /allocating lock for new (?:container|pod)|\/sys\/fs\/cgroup\/\S*: no space left on device|session key: disk quota exceeded/i;
/** /dev/shm is a memory-backed tmpfs whose size is the container's --shm-size (64 MiB by default), not a disk. */
const SHM = /\/dev\/shm\b/;
/** Below this a build or a `podman save` of a real image will not fit. */
const LOW_BYTES = 512 * 1024 * 1024;

export const diskFull: Rule = {
  id: 'disk-full',
  title: 'Disk full: the engine storage or the temp dir has no space left',
  refs: [
    'research-kubernaut §3 #4',
    'research-kubernaut §3 #5',
    'research-kubernaut §3 #20',
    'research-kind-podman §B 4',
    'research-kind-podman §B 16',
  ],
  match(input: TriageInput): Match | undefined {
    // Judged on the whole line: the cgroup's path or the keyring may come after the 240 characters a quote keeps.
    const lines = failureLines(input, (l) => NO_SPACE_WORDS.test(l.text) && !NOT_A_DISK.test(l.text), 4);
    const mounts = input.evidence.disk?.data?.mounts ?? [];
    const low = mounts.filter(
      (m) => m.freeBytes < LOW_BYTES || (m.totalBytes > 0 && m.freeBytes / m.totalBytes < 0.02),
    );
    const evicted = pods(input).filter(
      (p) =>
        p.reasons.some((r) => /DiskPressure|ephemeral-storage/i.test(r)) ||
        p.events.some((e) => DISK_PRESSURE.test(e)) ||
        // An eviction whose event names another resource (memory, pids) is not the disk.
        (p.reasons.some((r) => /Evicted/i.test(r)) &&
          !p.events.some((e) => /low on resource: (?:memory|pids)/i.test(e))),
    );
    // A node of a cluster that did not come up whose kubelet evicts to reclaim disk: the host's disk is nearly full.
    const nodeDisk = kindLogLines(input, DISK_PRESSURE, 2);
    if (lines.length === 0 && evicted.length === 0 && nodeDisk.length === 0) {
      // Low free space alone, with a failure nothing else explains, is a weak hint: never a confident verdict.
      if (low.length === 0 || failedSteps(input.run).length === 0) return undefined;
    }
    // ENOSPC beside the inotify watch limit is that limit (file-limits), unless a disk is really low or full.
    const watchLimit = low.length === 0 && evicted.length === 0 && outputMatching(input, INOTIFY_LIMIT, 1).length > 0;
    const shmOnly = low.length === 0 && lines.length > 0 && lines.every((l) => SHM.test(l));
    const confidence = watchLimit
      ? 0.35
      : shmOnly
        ? 0.45
        : lines.length > 0
          ? low.length > 0
            ? 0.95
            : 0.9
          : evicted.length > 0 || nodeDisk.length > 0
            ? 0.75
            : 0.4;
    const full = low[0] ?? guessMount(mounts, lines);
    const cmd = engineCmd(input);
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(confidence),
      explains: ['no-space'],
      summary: shmOnly
        ? "A process ran out of /dev/shm: the container's shared memory (--shm-size, 64 MiB by default) is full, not a disk."
        : `${full ? `The ${full.label} (${full.path}) is full` : 'A disk is full'}: ${lines.length > 0 ? 'a step failed for lack of space' : evicted.length > 0 || nodeDisk.length > 0 ? "the node's disk is under pressure: the kubelet evicts pods and the scheduler refuses new ones" : `only ${bytes(full?.freeBytes ?? 0)} free`}.`,
      evidence: [
        ...lines,
        ...mounts.map((m) =>
          quote('disk', `${m.label} ${m.path}: ${bytes(m.freeBytes)} free of ${bytes(m.totalBytes)}`),
        ),
        ...evicted.map((p) => quote(`pod ${p.name}`, p.reasons.join(', '))),
        ...nodeDisk,
      ],
      actions: [
        `df -h ${full?.path ?? ''}`.trim(),
        `${cmd} system df`,
        `${cmd} image prune -a -f   # removes images no container uses; tarmac rebuilds what it needs`,
        ...(full?.label === 'temp'
          ? [`point TMPDIR at a larger disk, then run again (tarmac saves image archives there)`]
          : []),
        ...(machine
          ? [
              'podman machine ssh -- df -h /var',
              'podman machine rm && podman machine init --disk-size 100   # if prune itself fails',
            ]
          : []),
      ],
    };
  },
};

// When no mount is low now (a failed build freed its layers), the path in the error says which disk it was.
function guessMount(mounts: DiskFacts['mounts'], lines: string[]): DiskFacts['mounts'][number] | undefined {
  const text = lines.join('\n');
  return (
    mounts.find((m) => text.includes(m.path)) ??
    (/\/tmp\/|\/var\/tmp\//.test(text) ? mounts.find((m) => m.label === 'temp') : undefined)
  );
}
