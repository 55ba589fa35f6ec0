// Finding tarmac.yaml when no -f was given.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** Config file names looked for, in order. */
export const CONFIG_FILE_NAMES = ['tarmac.yaml', 'tarmac.yml'] as const;

/** Absolute path of tarmac.yaml (or tarmac.yml) in `cwd`; throws CONFIG_NOT_FOUND (exit 2) if neither exists. */
export function findConfigFile(cwd: string): string {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.resolve(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new TarmacError('CONFIG_NOT_FOUND', `No tarmac.yaml or tarmac.yml in ${cwd}`, {
    exitCode: ExitCode.usage,
    hint: 'Run tarmac in the directory that holds tarmac.yaml, or pass the file with `-f <path>`.',
  });
}
