// `tarmac validate`: load the config and report every problem (exit 2) or a short summary and any warnings (exit 0).
import { relative } from 'node:path';
import { formatWarnings } from '../../config/format.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';

/** Runs `tarmac validate`; config errors propagate to main(), which prints them and exits 2. */
export async function validateCommand(opts: { file?: string }, io: CliIo): Promise<number> {
  const { env, warnings } = await loadCommandConfig(opts, io.cwd);
  if (warnings.length > 0) io.stderr.write(`${formatWarnings(warnings, io.cwd)}\n`);
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${where}: ok · ${env.images.length} images · ${env.deploy.length} deploy groups · cluster ${env.cluster.name} (${env.cluster.target})\n`,
  );
  return 0;
}
