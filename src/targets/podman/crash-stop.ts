// Stopping a crash loop. podman 4.3.1 restarts a crashing container at once, with no back-off
// (measured: ~10 restarts a second, each a runc + conmon start), so a crash loop left running after
// a failed deploy burns a CPU core until `down`. Once a container is judged CrashLoopBackOff, tarmac
// records its evidence (last exit code, log tail) and stops it; later views keep that evidence.
import type { ContainerRecord } from './inspect.js';
import type { PodmanCli } from './podman-cli.js';
import type { StateStore, StoppedCrash } from './state.js';

/** Records the crash evidence, then stops the container (no grace period). */
export async function stopCrashLoop(cli: PodmanCli, store: StateStore, container: ContainerRecord, evidence: Omit<StoppedCrash, 'at'>, signal?: AbortSignal): Promise<StoppedCrash> {
  const record: StoppedCrash = { ...evidence, at: new Date().toISOString() };
  await store.update((state) => {
    state.stopped = { ...state.stopped, [container.id]: record };
  });
  await cli.must(['stop', '-t', '0', container.id], `Could not stop the crash-looping container ${container.name}`, { signal });
  return record;
}

/** A line for the pod's events saying what tarmac did. */
export function stoppedEvent(container: string, record: StoppedCrash): { type: 'Warning'; reason: string; message: string } {
  return { type: 'Warning', reason: 'BackOff', message: `tarmac stopped crash-looping container ${container} at ${record.at} (podman restarts without back-off); tarmac down removes it` };
}
