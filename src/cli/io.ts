// What a command may touch of the outside world; tests pass their own.
import type { StartedReadAhead } from '../exec/read-ahead/start.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The engine read bin/tarmac.js started before the CLI loaded (`tarmac test`, issue 16); used once the lock allows. */
  readAhead?: StartedReadAhead;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
