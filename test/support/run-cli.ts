// Runs tarmac's main() in this process with captured output: the unit-level way to check what a user reads and the
// exit code, without starting a process (tarmac's start alone costs about half a second of CPU).
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tarmac ARGS` through main() in `cwd`, with `env` as its whole environment. */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io: CliIo = { stdout: out, stderr: err, env, cwd };
  const code = await main(['node', 'tarmac', ...args], io);
  return { code, stdout, stderr };
}
