// `runs/<id>/owner.json`: which tarmac process owns a run, written before the run's journal exists so
// that a later tarmac can tell a crashed run (owner gone, no `run.finished`) from one still running.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../files/private.js';
import { ownerFile, runDir } from '../journal/run-dir.js';
import { currentIdentity, type ProcessIdentity, type ProcessProbe } from './liveness.js';

export interface RunOwner extends ProcessIdentity {
  /** When the owner started the run (ms since the epoch). */
  startedAt: number;
  /** The command, e.g. `up`. */
  command: string;
}

/** Records this process as the owner of a new run; call before the journal is opened. */
export function claimRun(
  stateDir: string,
  runId: string,
  command: string,
  probe: ProcessProbe,
  now: number = Date.now(),
): RunOwner {
  const dir = runDir(stateDir, runId);
  makePrivateDir(stateDir);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const owner: RunOwner = { ...currentIdentity(probe), startedAt: now, command };
  // Written whole then renamed: a reader never sees half of it.
  const file = ownerFile(dir);
  const temp = `${file}.${probe.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(owner)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(temp, file);
  return owner;
}

/** The recorded owner of a run, or undefined (runs of older tarmac versions have none). */
export function readRunOwner(dir: string): RunOwner | undefined {
  let parsed: Partial<RunOwner>;
  try {
    parsed = JSON.parse(readFileSync(ownerFile(dir), 'utf8')) as Partial<RunOwner>;
  } catch {
    return undefined;
  }
  if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.startedAt !== 'number')
    return undefined;
  return { ...parsed, command: typeof parsed.command === 'string' ? parsed.command : '?' } as RunOwner;
}
