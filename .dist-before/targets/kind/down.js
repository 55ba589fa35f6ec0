import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteCluster } from "./cluster-delete.js";
import { stillOurs } from "./cluster-record.js";
import { clusterListed, nodeContainers } from "./cluster-status.js";
import { forwardsPath, isArchiveOf, kubeconfigPath } from "./paths.js";
async function downClusters(deps, signal) {
  const report = { removed: [], keptForeign: [] };
  const recorded = (await deps.records.list()).filter((r) => r.env === deps.env.name).map((r) => r.name);
  for (const name of [.../* @__PURE__ */ new Set([deps.name, ...recorded])]) await downOne(withName(deps, name), report, signal);
  return report;
}
async function downOne(deps, report, signal) {
  const record = await deps.records.get(deps.name);
  const nodes = await nodeContainers(deps, signal);
  const exists = nodes.length > 0 || await clusterListed(deps, signal);
  const ours = record !== void 0 && record.env === deps.env.name && stillOurs(
    record,
    nodes.map((n) => n.id)
  );
  if (exists && ours) {
    await deleteCluster(deps, signal);
    report.removed.push(`kind cluster ${deps.name}`);
  } else if (exists) {
    report.keptForeign.push(`kind cluster ${deps.name} (${foreignReason(deps, record)})`);
  }
  if (record?.env === deps.env.name) await deps.records.remove(deps.name);
  for (const file of [deps.kubeconfig, forwardsPath(deps.stateDir, deps.name)]) {
    if (!existsSync(file)) continue;
    await rm(file, { force: true });
    report.removed.push(file);
  }
  if (exists && !ours) return;
  for (const file of await readdir(tmpdir()).catch(() => [])) {
    if (!isArchiveOf(file, deps.name)) continue;
    await rm(join(tmpdir(), file), { force: true });
    report.removed.push(join(tmpdir(), file));
  }
}
function foreignReason(deps, record) {
  if (record === void 0) return "tarmac did not create it";
  if (record.env !== deps.env.name) return `created by tarmac env ${record.env}, not ${deps.env.name}`;
  return "its node containers are not the ones tarmac created: someone recreated it";
}
function withName(deps, name) {
  return name === deps.name ? deps : {
    ...deps,
    name,
    kubeconfig: kubeconfigPath(deps.stateDir, name),
    tools: deps.tools.forKubeconfig(kubeconfigPath(deps.stateDir, name))
  };
}
export {
  downClusters
};
//# sourceMappingURL=down.js.map
