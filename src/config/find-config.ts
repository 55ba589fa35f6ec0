// Finding tarmac.yaml when no -f was given.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** Config file names looked for, in order. */
export const CONFIG_FILE_NAMES = ['tarmac.yaml', 'tarmac.yml'] as const;

/** Absolute path of tarmac.yaml (or tarmac.yml) in `cwd`, or undefined when neither exists. */
export function configFileIn(cwd: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.resolve(cwd, name)).find((candidate) => existsSync(candidate));
}

/** Absolute path of tarmac.yaml (or tarmac.yml) in `cwd`; throws CONFIG_NOT_FOUND (exit 2) if neither exists. */
export function findConfigFile(cwd: string): string {
  const found = configFileIn(cwd);
  if (found !== undefined) return found;
  throw new TarmacError('CONFIG_NOT_FOUND', `No tarmac.yaml or tarmac.yml in ${cwd}`, {
    exitCode: ExitCode.usage,
    hint: 'Run tarmac in the directory that holds tarmac.yaml, or pass the file with `-f <path>`.',
  });
}
