import { errorLine } from "../engines/classify.js";
const LIST_TIMEOUT_MS = 15e3;
const MACHINE_TIMEOUT_MS = 3e5;
function engineHealer(engine) {
  const podmanMachine = (args, signal, timeoutMs) => engine.exec(["machine", ...args], { hostLocal: true, signal, timeoutMs });
  return async (signal) => {
    const remote = remoteUrl(engine);
    if (engine.name === "docker")
      return "cannot heal: tarmac does not restart the Docker daemon; waiting for it to come back";
    if (remote !== void 0)
      return `cannot heal: the engine is the API service at ${remote}, which tarmac did not start; waiting for it to come back`;
    const listed = await podmanMachine(["list", "--format", "json"], signal, LIST_TIMEOUT_MS);
    if (!listed.ok)
      return `cannot heal: no podman machine to restart (${errorLine(listed) ?? "podman machine list failed"}); waiting`;
    const machine = pickMachine(listed.stdout);
    if (machine?.Name === void 0)
      return "cannot heal: podman runs without a machine here; waiting for it to come back";
    if (machine.Running === true || machine.Starting === true) {
      await podmanMachine(["stop", machine.Name], signal, MACHINE_TIMEOUT_MS);
    }
    const started = await podmanMachine(["start", machine.Name], signal, MACHINE_TIMEOUT_MS);
    if (!started.ok)
      return `podman machine start ${machine.Name} failed: ${errorLine(started) ?? `exit ${String(started.exitCode)}`}`;
    return `restarted podman machine ${machine.Name}`;
  };
}
function remoteUrl(engine) {
  const env = engine.toolEnv();
  return env.CONTAINER_HOST ?? env.DOCKER_HOST;
}
function pickMachine(stdout) {
  try {
    const list = JSON.parse(stdout || "[]");
    if (!Array.isArray(list)) return void 0;
    return list.find((m) => m.Default === true) ?? list[0];
  } catch {
    return void 0;
  }
}
export {
  engineHealer
};
//# sourceMappingURL=recovery-heal.js.map
