import { resolve } from "node:path";
import { bundleRun, defaultBundlePath } from "../../bundle/bundle-run.js";
import { resolveRun } from "../../journal/find-run.js";
import { ExitCode } from "../../errors/errors.js";
import { safeText } from "../../ui/safe-text.js";
import { loadCommandConfig } from "../load-config.js";
async function bundleCommand(run, opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const location = resolveRun(env.stateDir, run, io.cwd);
  const outFile = opts.output ? resolve(io.cwd, opts.output) : defaultBundlePath(env.stateDir, location.runId, io.env, io.cwd);
  const written = await bundleRun({ env, runId: location.runId, runDir: location.dir, outFile, processEnv: io.env });
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ runId: location.runId, bundle: written.file, files: written.files, missing: written.missing, skipped: written.skipped }, null, 2)}
`
    );
    return ExitCode.ok;
  }
  io.stdout.write(
    `bundle: ${safeText(written.file)} (run ${safeText(location.runId)}, ${written.files.length} files)
`
  );
  if (written.missing.length > 0) io.stdout.write(`  missing: ${safeText(written.missing.join(", "))}
`);
  if (written.skipped.length > 0) io.stdout.write(`  left out (binary): ${safeText(written.skipped.join(", "))}
`);
  return ExitCode.ok;
}
export {
  bundleCommand
};
//# sourceMappingURL=bundle.js.map
