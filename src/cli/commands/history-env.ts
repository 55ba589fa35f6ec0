// The env the history commands read: from tarmac.yaml (-f), for its name, state dir and history path.
import { resolve } from 'node:path';
import { findConfigFile, loadEnv } from '../../config/load.js';
import type { Env } from '../../config/types.js';
import type { CliIo } from '../io.js';

/** Loads the config the history commands were pointed at. */
export async function historyEnv(opts: { file?: string }, io: CliIo): Promise<Env> {
  const file = opts.file ? resolve(io.cwd, opts.file) : findConfigFile(io.cwd);
  return loadEnv(file, { cwd: io.cwd });
}
