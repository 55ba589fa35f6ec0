import { findOnPath } from "../engines/find-on-path.js";
function targetType(env, processEnv, events = []) {
  const started = events.find((e) => e.type === "run.started");
  if (started?.type === "run.started" && started.target !== "none") return started.target;
  if (env.cluster.target !== "auto") return env.cluster.target;
  return findOnPath("kind", processEnv) ? "kind" : "podman";
}
export {
  targetType
};
//# sourceMappingURL=target-type.js.map
