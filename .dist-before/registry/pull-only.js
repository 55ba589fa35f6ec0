import { ExitCode, TarmacError } from "../errors/errors.js";
import { redactSecrets } from "../redact/patterns.js";
function assertPullable(input) {
  const missing = input.needed.filter((name) => {
    const p = input.presence.get(name);
    return !p?.local && !p?.registry;
  });
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}: ${redactSecrets(input.refs.get(name) ?? "")} is not in the registry`);
  const source = input.refsFile ? `named in ${input.refsFile}` : "computed from the build contexts here";
  throw new TarmacError(
    "IMAGE_NOT_IN_REGISTRY",
    `--pull-only: ${missing.length} image${missing.length === 1 ? "" : "s"} to deploy ${missing.length === 1 ? "is" : "are"} not in the registry (tags ${source})`,
    {
      exitCode: ExitCode.environment,
      details: lines,
      hint: input.refsFile ? "The build job should have pushed them: run `tarmac build --push --refs FILE` in the build job and pass this job its refs file; nothing is built under --pull-only." : "Run `tarmac build --push` in the build job first (on the same sources: a changed file changes the tag); nothing is built under --pull-only."
    }
  );
}
export {
  assertPullable
};
//# sourceMappingURL=pull-only.js.map
