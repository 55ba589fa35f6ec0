import { ExitCode, TarmacError } from "../errors/errors.js";
import { commandFailed } from "../exec/errors.js";
const KUSTOMIZE_TIMEOUT_MS = 6e4;
const INSTALL_HINT = "tarmac builds kustomizations with `kubectl kustomize`; install kubectl (it embeds kustomize), or render the directory yourself and list the result under `manifests`.";
async function runKustomize(runner, dir, shown, signal) {
  const result = await runner("kubectl", ["kustomize", dir], {
    timeoutMs: KUSTOMIZE_TIMEOUT_MS,
    ...signal ? { signal } : {},
    tailLines: 20
  });
  if (result.ok) return result.stdout;
  if (result.spawnError !== void 0) {
    throw new TarmacError(
      "KUSTOMIZE_UNAVAILABLE",
      `Cannot build kustomization ${shown}: kubectl could not start (${result.spawnError})`,
      {
        exitCode: ExitCode.environment,
        hint: INSTALL_HINT
      }
    );
  }
  if (/unknown command|not installed/i.test(`${result.stderr}
${result.stdout}`)) {
    throw commandFailed(result, {
      code: "KUSTOMIZE_UNAVAILABLE",
      message: `Cannot build kustomization ${shown}: this kubectl has no working \`kustomize\``,
      hint: INSTALL_HINT,
      exitCode: ExitCode.environment
    });
  }
  throw commandFailed(result, {
    code: "KUSTOMIZE_FAILED",
    message: `kustomization ${shown} did not build`,
    hint: "The kustomize error is shown above; fix kustomization.yaml (or the files it lists).",
    exitCode: ExitCode.usage
  });
}
export {
  runKustomize
};
//# sourceMappingURL=kustomize.js.map
