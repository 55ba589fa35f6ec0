// Stopping a crash loop. podman 4.3.1 restarts a crashing container at once, with no back-off
// (measured: ~10 restarts a second, each a runc + conmon start), so a crash loop left running after
// a failed deploy burns a CPU core until `down`. Once a container is judged CrashLoopBackOff, tarmac
// records its evidence (last exit code, log tail) and stops it; later views keep that evidence.
import { CancelledError } from '../../errors/errors.js';
import { sleep } from '../../watch/timeout.js';
import type { ContainerRecord } from './inspect.js';
import type { PodmanCli } from './podman-cli.js';
import type { StateStore, StoppedCrash } from './state.js';

const STOP_ATTEMPTS = 10;
const SETTLE_POLLS = 20;
const SETTLE_POLL_MS = 100;

/** Records the crash evidence, then stops the container (no grace period); best effort, never throws for podman. */
export async function stopCrashLoop(
  cli: PodmanCli,
  store: StateStore,
  container: ContainerRecord,
  evidence: Omit<StoppedCrash, 'at'>,
  signal?: AbortSignal,
): Promise<StoppedCrash> {
  const record: StoppedCrash = { ...evidence, at: new Date().toISOString() };
  await store.update((state) => {
    state.stopped = { ...state.stopped, [container.id]: record };
  });
  await stopForGood(cli, container.id, signal);
  return record;
}

/**
 * `podman stop` on a container caught between two runs (state `stopped`: exited, restart pending) is a
 * no-op and the restart still happens. Measured on 4.3.1: during a loop the state is only ever
 * `running` or `stopped`; `exited` means podman's cleanup ran and decided not to restart. So: stop,
 * wait while `stopped`, and stop again if it came back, until `exited`.
 */
async function stopForGood(cli: PodmanCli, id: string, signal?: AbortSignal): Promise<boolean> {
  for (let attempt = 0; attempt < STOP_ATTEMPTS; attempt++) {
    await cli.run(['stop', '-t', '0', id], { signal });
    for (let poll = 0; poll < SETTLE_POLLS; poll++) {
      const status = await statusOf(cli, id, signal);
      if (status === 'exited' || status === undefined) return true;
      if (status !== 'stopped') break;
      await sleep(SETTLE_POLL_MS, signal);
      if (signal?.aborted) throw new CancelledError();
    }
  }
  return false;
}

async function statusOf(cli: PodmanCli, id: string, signal?: AbortSignal): Promise<string | undefined> {
  const result = await cli.run(['container', 'inspect', '--format', '{{.State.Status}}', id], { signal });
  return result.ok ? result.stdout.trim() : undefined;
}

/** A line for the pod's events saying what tarmac did. */
export function stoppedEvent(
  container: string,
  record: StoppedCrash,
): { type: 'Warning'; reason: string; message: string } {
  return {
    type: 'Warning',
    reason: 'BackOff',
    message: `tarmac stopped crash-looping container ${container} at ${record.at} (podman restarts without back-off); tarmac down removes it`,
  };
}
