// The scheduler's side of the host-wide engine lease: a step that claims engine units waits here, saying for whom,
// until this host's engine has room for it; only then does it count as started.
import type { EventBus } from '../events/bus.js';
import type { HostGate } from '../orchestrate/scheduler-types.js';
import type { EngineLease, LeaseRow, LeaseWait } from './engine-lease.js';

/** Turns an engine lease into the scheduler's `hostGate`; steps that claim no engine units pass at once. */
export function hostGate(lease: EngineLease, bus: EventBus): HostGate {
  return (step, ctx) => {
    if (step.claims.engine <= 0) return undefined;
    let said: string | undefined;
    let waited = false;
    const onWait = (wait: LeaseWait): void => {
      const line = waitLine(wait, bus.runId);
      if (!waited)
        bus.emit({
          type: 'decision',
          message: `${step.id} waits for the host engine lease: ${line.replace(/^waiting for the engine: /, '')}`,
        });
      waited = true;
      // Said again only when the picture changes; the heartbeat repeats the last line meanwhile.
      if (line !== said) ctx.output(line);
      said = line;
    };
    return lease.acquire(step.claims.engine, step.id, ctx.signal, onWait).then((grant) => {
      if (waited)
        ctx.output(
          `engine lease granted: ${step.claims.engine} unit${step.claims.engine === 1 ? '' : 's'} of ${lease.capacity()}`,
        );
      return () => grant.release();
    });
  };
}

/** "waiting for the engine: 2 of 2 units in use by other tarmac runs (pid 41 env shop: build:api 2)[; queued behind ...]". */
export function waitLine(wait: LeaseWait, runId: string): string {
  const held = whose(wait.holders, runId);
  const queued = wait.queued.length > 0 ? `; queued behind ${whose(wait.queued, runId)}` : '';
  return `waiting for the engine: ${wait.inUse} of ${wait.capacity} units in use${held ? ` by ${held}` : ''}${queued}`;
}

// "other tarmac runs (pid 41 env shop: build:api 2) and this run (build:web 1)"
function whose(rows: LeaseRow[], runId: string): string {
  const mine = rows.filter((h) => h.runId === runId);
  const others = rows.filter((h) => h.runId !== runId);
  const parts: string[] = [];
  if (others.length > 0) parts.push(`other tarmac runs (${describeRuns(others)})`);
  if (mine.length > 0) parts.push(`this run (${mine.map((h) => `${h.stepId} ${h.units}`).join(', ')})`);
  return parts.join(' and ');
}

// "pid 41 env shop: build:api 2, build:web 1; pid 57 env cart: build:db 2"
function describeRuns(rows: LeaseRow[]): string {
  const byRun = new Map<string, LeaseRow[]>();
  for (const row of rows) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), row]);
  return [...byRun.values()]
    .map((run) => `pid ${run[0]!.pid} env ${run[0]!.env}: ${run.map((h) => `${h.stepId} ${h.units}`).join(', ')}`)
    .join('; ');
}
