// `tarmac validate`: load the config and report every problem (exit 2) or a short summary and any warnings (exit 0).
import { relative, resolve } from 'node:path';
import { findConfigFile, loadEnvWithWarnings } from '../../config/load.js';
import { formatWarnings } from '../../config/format.js';
import type { CliIo } from '../io.js';

/** Runs `tarmac validate`; config errors propagate to main(), which prints them and exits 2. */
export async function validateCommand(opts: { file?: string }, io: CliIo): Promise<number> {
  const file = opts.file ? resolve(io.cwd, opts.file) : findConfigFile(io.cwd);
  const { env, warnings } = await loadEnvWithWarnings(file, { cwd: io.cwd });
  if (warnings.length > 0) io.stderr.write(`${formatWarnings(warnings, io.cwd)}\n`);
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${where}: ok · ${env.images.length} images · ${env.deploy.length} deploy groups · cluster ${env.cluster.name} (${env.cluster.target})\n`,
  );
  return 0;
}
