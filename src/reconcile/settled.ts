// `.tarmac/reconciled.json`: the dead runs whose engine leftovers a reconcile pass already checked, with nothing
// left alone and no check failing. A later pass asks the engine only for a dead run that is neither in it nor
// ended with `succeeded` (such a run killed no build, so it left no working container).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private.js';
import type { RunRecord } from './runs.js';

const file = (stateDir: string) => join(stateDir, 'reconciled.json');

/** The ids of dead runs already checked; empty when none were (or the file cannot be read). */
export function settledRuns(stateDir: string): Set<string> {
  if (!existsSync(file(stateDir))) return new Set();
  try {
    const ids = (JSON.parse(readFileSync(file(stateDir), 'utf8')) as { settled?: unknown }).settled;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    // Unreadable: every dead run is checked again, which is what a pass without the file does.
    return new Set();
  }
}

/** Dead runs whose leftovers the engine must be asked about. */
export function unsettled(dead: readonly RunRecord[], settled: ReadonlySet<string>): RunRecord[] {
  return dead.filter((r) => !r.succeeded && !settled.has(r.id));
}

/** Records that these dead runs were checked (replacing the list: runs since removed drop out). */
export function settleRuns(stateDir: string, ids: readonly string[]): void {
  makePrivateDir(stateDir);
  const tmp = `${file(stateDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ settled: [...ids].sort() })}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file(stateDir));
}
