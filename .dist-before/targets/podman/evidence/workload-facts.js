import { podFacts } from "../../../triage/evidence/pod-facts.js";
import { envIdentity } from "../../../config/project-identity.js";
import { envContainers, envPods } from "../inspect.js";
import { podmanCli } from "../podman-cli.js";
import { toPodView } from "../pod-view.js";
import { StateStore, statePaths } from "../state.js";
async function podmanPods(deps) {
  const { env, engine, log: raw, signal } = deps;
  const cli = podmanCli(engine, { timeoutMs: 4e3, signal }, (result) => raw.result(result));
  const [pods, containers, stopped] = await Promise.all([
    envPods(cli, envIdentity(env), signal),
    envContainers(cli, envIdentity(env), signal),
    stoppedCrashes(env)
  ]);
  const now = Date.now();
  return Promise.all(
    pods.map(async (pod) => {
      const own = containers.filter((c) => c.podId === pod.id);
      const extras = /* @__PURE__ */ new Map();
      await Promise.all(
        own.filter(crashed).map(async (c) => extras.set(c.id, await crashExtras(cli.run, c, stopped[c.id], signal)))
      );
      return podFacts(toPodView(pod, own, extras, now));
    })
  );
}
function crashed(c) {
  return c.restartCount > 0 || (c.status === "exited" || c.status === "stopped") && c.exitCode !== 0;
}
async function crashExtras(run, c, stopped, signal) {
  if (stopped)
    return { ...stopped.exitCode === void 0 ? {} : { lastExitCode: stopped.exitCode }, logTail: stopped.logTail };
  const logs = await run(["logs", "--tail", "20", c.id], { signal, tailLines: 20 });
  return { lastExitCode: c.exitCode, logTail: logs.ok ? logs.tail : [] };
}
async function stoppedCrashes(env) {
  try {
    return (await new StateStore(statePaths(env.stateDir).file, env.name).read()).stopped ?? {};
  } catch {
    return {};
  }
}
export {
  podmanPods
};
//# sourceMappingURL=workload-facts.js.map
