// `.tarmac/state.json`: what the last `up` deployed, for `test`, `status` and `down`.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private.js';
import { join } from 'node:path';
import { forgetApplied } from './executors/deploy-record.js';

export interface EnvState {
  target: 'kind' | 'podman';
  cluster: string;
  runId: string;
  /** Logical image name -> deployed reference. */
  images: Record<string, string>;
  outcome: string;
  at: string;
}

const file = (stateDir: string) => join(stateDir, 'state.json');

/** Writes the state atomically (temp file + rename), so a crash never leaves half a file. */
export function writeEnvState(stateDir: string, state: EnvState): void {
  makePrivateDir(stateDir);
  const tmp = `${file(stateDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file(stateDir));
}

/** The last recorded state, or undefined when nothing was brought up (or `down` ran). */
export function readEnvState(stateDir: string): EnvState | undefined {
  if (!existsSync(file(stateDir))) return undefined;
  return JSON.parse(readFileSync(file(stateDir), 'utf8')) as EnvState;
}

/** Forgets the deployed env (after `down`). */
export function clearEnvState(stateDir: string): void {
  rmSync(file(stateDir), { force: true });
  forgetApplied(stateDir);
}
