// Finds a saved run dir under <stateDir>/runs: by id (or a unique prefix of one), or the latest.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** Run ids with a journal, oldest first (ids sort by time). */
export function listRuns(stateDir: string): string[] {
  const root = join(stateDir, 'runs');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((id) => existsSync(join(root, id, 'events.jsonl'))).sort();
}

/** The run dir of `run` (an id or a unique prefix), or of the latest run; throws RUN_NOT_FOUND / NO_RUNS (exit 2). */
export function findRunDir(stateDir: string, run: string | undefined): string {
  const root = join(stateDir, 'runs');
  const ids = listRuns(stateDir);
  if (ids.length === 0) {
    throw new TarmacError('NO_RUNS', `no runs in ${root}`, { exitCode: ExitCode.usage, hint: 'Run `tarmac up`, `tarmac build` or `tarmac test` first; each run is journalled there.' });
  }
  if (run === undefined) return join(root, ids[ids.length - 1] ?? '');
  const exact = ids.find((id) => id === run);
  const matches = exact ? [exact] : ids.filter((id) => id.startsWith(run));
  if (matches.length === 1) return join(root, matches[0] ?? '');
  const latest = ids.slice(-5).reverse().join(', ');
  throw new TarmacError('RUN_NOT_FOUND', matches.length > 1 ? `run "${run}" is ambiguous in ${root}: ${matches.join(', ')}` : `no run "${run}" in ${root}`, {
    exitCode: ExitCode.usage,
    hint: `The latest runs are: ${latest}. Omit RUN to triage the latest.`,
  });
}
