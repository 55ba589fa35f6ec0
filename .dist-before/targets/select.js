import { findOnPath } from "../engines/find-on-path.js";
import { TarmacError, ExitCode } from "../errors/errors.js";
import { createKindTarget } from "./kind/index.js";
import { createPodmanTarget } from "./podman/index.js";
function targetTypeFor(env, processEnv) {
  const wanted = env.cluster.target;
  if (wanted !== "auto") return wanted;
  return findOnPath("kind", processEnv) ? "kind" : "podman";
}
function selectTarget(env, deps) {
  const kindPath = findOnPath("kind", deps.processEnv);
  const wanted = env.cluster.target;
  if (wanted === "kind" && !kindPath) {
    throw new TarmacError("KIND_NOT_FOUND", "cluster.target is kind but no `kind` binary is on PATH", {
      exitCode: ExitCode.environment,
      hint: "Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set cluster.target: podman to run the pods on podman without a cluster."
    });
  }
  const type = targetTypeFor(env, deps.processEnv);
  if (type === "podman" && deps.engine.name !== "podman") {
    throw new TarmacError(
      "TARGET_NEEDS_PODMAN",
      `the podman target runs pods with \`podman kube play\`, but the engine is ${deps.engine.name}`,
      {
        exitCode: ExitCode.environment,
        hint: "Install kind and set cluster.target: kind, or use podman as the engine."
      }
    );
  }
  const common = { env, runner: deps.runner, engine: deps.engine, stateDir: env.stateDir, runId: deps.runId };
  if (type === "kind") {
    return {
      target: createKindTarget({
        ...common,
        createTimeoutMs: env.timeouts.cluster,
        ...deps.lifetime ? { lifetime: deps.lifetime } : {},
        ...deps.notify ? { notify: deps.notify } : {}
      }),
      why: wanted === "kind" ? "kind (cluster.target: kind)" : `kind (found ${kindPath})`
    };
  }
  return {
    target: createPodmanTarget(common),
    why: wanted === "podman" ? "podman pods (cluster.target: podman)" : "podman pods (no kind on PATH)"
  };
}
export {
  selectTarget,
  targetTypeFor
};
//# sourceMappingURL=select.js.map
