// `up --no-keep`: after an interrupt, remove the env (what `tarmac down` removes) instead of keeping it.
import type { EventBus } from '../events/bus.js';
import type { ClusterTarget, DownReport } from '../targets/types.js';

/** Bound on the teardown: the user already asked to stop, so it must not hang (a second signal forces). */
export const TEARDOWN_TIMEOUT_MS = 120_000;

/** Removes the env after an interrupted run and reports each thing removed; never throws. */
export async function removeAfterInterrupt(
  target: ClusterTarget,
  bus: EventBus,
  timeoutMs: number = TEARDOWN_TIMEOUT_MS,
): Promise<DownReport | undefined> {
  bus.emit({
    type: 'decision',
    message: `interrupted with --no-keep: removing the env (${target.type} ${target.name}), as \`tarmac down\` would`,
  });
  try {
    // A fresh signal: the run's own signal is already aborted.
    const report = await target.down(AbortSignal.timeout(timeoutMs));
    for (const removed of report.removed) bus.emit({ type: 'decision', message: `removed ${removed}` });
    for (const kept of report.keptForeign)
      bus.emit({ type: 'decision', message: `left alone (not created by tarmac): ${kept}` });
    return report;
  } catch (error) {
    bus.emit({
      type: 'decision',
      message: `could not remove the env: ${error instanceof Error ? error.message : String(error)}; run \`tarmac down\``,
    });
    return undefined;
  }
}
