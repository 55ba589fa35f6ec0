import { existsSync } from "node:fs";
import { KindTools, kindErrorLine } from "../kind-tools.js";
import { kubeconfigPath } from "../paths.js";
import { listsCluster } from "./cluster-facts.js";
async function exportKindLogs(deps, dir) {
  const { env, engine, runner, log, signal } = deps;
  const tools = new KindTools(runner, engine, kubeconfigPath(env.stateDir, env.cluster.name));
  const clusters = await tools.kind(["get", "clusters"], { timeoutMs: 3e3, signal });
  log.result(clusters);
  if (!listsCluster(clusters.stdout, env.cluster.name))
    throw new Error(`kind does not list cluster ${env.cluster.name}: nothing to export`);
  const exported = await tools.kind(["export", "logs", dir, "--name", env.cluster.name], { timeoutMs: 7500, signal });
  log.result(exported);
  if (!exported.ok && !existsSync(dir)) throw new Error(`kind export logs failed: ${kindErrorLine(exported)}`);
}
export {
  exportKindLogs
};
//# sourceMappingURL=export-logs.js.map
