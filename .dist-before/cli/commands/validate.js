import { relative } from "node:path";
import { formatWarnings } from "../../config/format.js";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { runCommand } from "../../exec/run-command.js";
import { checkGroupManifests } from "../../kube/check-manifests.js";
import { targetRefusal } from "../../targets/refused-kinds.js";
import { targetTypeFor } from "../../targets/select.js";
import { safeText } from "../../ui/safe-text.js";
import { loadCommandConfig } from "../load-config.js";
async function validateCommand(opts, io) {
  const { env, warnings } = await loadCommandConfig(opts, io.cwd);
  if (warnings.length > 0) io.stderr.write(`${safeText(formatWarnings(warnings, io.cwd))}
`);
  const target = targetTypeFor(env, io.env);
  const signal = new AbortController().signal;
  const problems = [];
  for (const group of env.deploy) {
    const found = await checkGroupManifests(group, env.dir, {
      runner: runCommand,
      refusal: (object) => targetRefusal(target, object),
      signal
    });
    problems.push(...found);
  }
  if (problems.length > 0) {
    throw new TarmacError(
      "MANIFEST_PROBLEMS",
      `${problems.length} manifest problem${problems.length === 1 ? "" : "s"} (target ${target}); nothing was created`,
      {
        exitCode: ExitCode.usage,
        details: problems,
        hint: target === "podman" ? "Fix each manifest as its line says; objects the podman target refuses run on a real cluster (cluster.target: kind)." : "Fix each manifest as its line says (paths are relative to tarmac.yaml)."
      }
    );
  }
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${safeText(where)}: ok \xB7 ${env.images.length} images \xB7 ${env.deploy.length} deploy groups \xB7 cluster ${safeText(env.cluster.name)} (${env.cluster.target})
`
  );
  return 0;
}
export {
  validateCommand
};
//# sourceMappingURL=validate.js.map
