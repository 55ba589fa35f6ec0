// The env for commands that also work without a config (doctor): -f must load; otherwise tarmac.yaml when present.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { loadEnv } from '../config/load.js';
import type { Env } from '../config/types.js';

/** The loaded env, or undefined when no -f was given and the directory has no tarmac.yaml. */
export async function loadOptionalEnv(file: string | undefined, cwd: string): Promise<Env | undefined> {
  if (file) return loadEnv(resolve(cwd, file), { cwd });
  const found = CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((p) => existsSync(p));
  return found ? loadEnv(found, { cwd }) : undefined;
}
