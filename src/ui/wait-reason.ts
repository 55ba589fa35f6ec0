// Why a pending step has not started, for the live view: read from the plan and the engine resource the scheduler
// reported (typed events), by the scheduler's own rules: dependencies first (orchestrate/scheduler.ts), then the
// engine claim (plan/admission.ts `fits`), then units kept free for a heavier step that is first in line.
import { fits } from '../plan/admission.js';
import type { StepRow, StepTable } from './step-table.js';

const DONE_OK = new Set(['succeeded', 'cached']);
const ENDED = new Set(['succeeded', 'cached', 'failed', 'skipped', 'cancelled']);

/** One short phrase, e.g. "waits for build:base" or "waits: engine 2/2 units in use by build:holmesgpt-api". */
export function waitReason(row: StepRow, table: StepTable): string {
  const state = (id: string) => table.rows.get(id)?.state;
  const open = [
    ...row.deps.filter((d) => !DONE_OK.has(state(d) ?? '')),
    ...row.after.filter((d) => !ENDED.has(state(d) ?? '')),
  ];
  if (open.length > 0) return `waits for ${names(open)}`;
  const { capacity, inUse } = table.engine;
  if (row.claim > 0 && !fits(row.claim, inUse, capacity)) {
    const holders = [...table.rows.values()].filter((r) => r.state === 'running' && r.claim > 0).map((r) => r.id);
    return `waits: engine ${inUse}/${capacity} units in use${holders.length > 0 ? ` by ${names(holders)}` : ''}`;
  }
  const first = row.claim > 0 ? blockedAhead(row, table) : undefined;
  if (first) return `waits: engine units kept for ${first.id}`;
  // E.g. the host-wide engine lease, which reports its wait as the step's output.
  return row.lastLine ? `waits: ${row.lastLine}` : 'waits to start';
}

/** A ready step ahead of `row` (higher priority) that does not fit now: admission keeps units free for it. */
function blockedAhead(row: StepRow, table: StepTable): StepRow | undefined {
  const { capacity, inUse } = table.engine;
  const ready = (r: StepRow) =>
    r.state === 'pending' &&
    r.deps.every((d) => DONE_OK.has(table.rows.get(d)?.state ?? '')) &&
    r.after.every((d) => ENDED.has(table.rows.get(d)?.state ?? ''));
  return [...table.rows.values()].find(
    (r) => r !== row && r.priority > row.priority && ready(r) && !fits(r.claim, inUse, capacity),
  );
}

/** Up to two ids, then how many more. */
function names(ids: readonly string[]): string {
  return ids.length <= 2 ? ids.join(', ') : `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}
