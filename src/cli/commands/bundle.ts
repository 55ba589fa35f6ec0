// `tarmac bundle [RUN] -o FILE.tar.gz`: packs one run's journal, logs, triage, reports, JUnit and kind logs, redacted.
import { resolve } from 'node:path';
import { bundleRun, defaultBundlePath } from '../../bundle/bundle-run.js';
import { resolveRun } from '../../journal/find-run.js';
import { ExitCode } from '../../errors/errors.js';
import type { CliIo } from '../io.js';
import { safeText } from '../../ui/safe-text.js';
import { loadCommandConfig } from '../load-config.js';

export interface BundleOptions {
  file?: string;
  output?: string;
  json?: boolean;
}

/** Writes the bundle and prints its path and contents; exit 0, or 2 for an unknown run. */
export async function bundleCommand(run: string | undefined, opts: BundleOptions, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const location = resolveRun(env.stateDir, run, io.cwd);
  const outFile = opts.output
    ? resolve(io.cwd, opts.output)
    : defaultBundlePath(env.stateDir, location.runId, io.env, io.cwd);
  const written = await bundleRun({ env, runId: location.runId, runDir: location.dir, outFile, processEnv: io.env });
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ runId: location.runId, bundle: written.file, files: written.files, missing: written.missing, skipped: written.skipped }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  // File names come from the run dir, which anyone could have crafted: escaped.
  io.stdout.write(
    `bundle: ${safeText(written.file)} (run ${safeText(location.runId)}, ${written.files.length} files)\n`,
  );
  if (written.missing.length > 0) io.stdout.write(`  missing: ${safeText(written.missing.join(', '))}\n`);
  if (written.skipped.length > 0) io.stdout.write(`  left out (binary): ${safeText(written.skipped.join(', '))}\n`);
  return ExitCode.ok;
}
