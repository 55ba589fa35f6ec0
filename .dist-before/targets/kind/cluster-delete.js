import { rm } from "node:fs/promises";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { nodeContainers, nodeName } from "./cluster-status.js";
import { SLOW_MS } from "./kind-tools.js";
async function deleteCluster(deps, signal) {
  await deps.tools.mustKind(
    ["delete", "cluster", "--name", deps.name, "--kubeconfig", deps.kubeconfig],
    `Could not delete kind cluster ${deps.name}`,
    { timeoutMs: SLOW_MS, signal }
  );
  const left = await nodeContainers(deps, signal);
  if (left.length > 0) {
    throw new TarmacError(
      "CLUSTER_DELETE_NOT_VERIFIED",
      `kind delete cluster ${deps.name} succeeded but ${left.length} node container(s) are still there: ${left.map(nodeName).join(", ")}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: `Remove them by hand: \`${deps.engine.name} rm -f ${left.map(nodeName).join(" ")}\`.`
      }
    );
  }
  await rm(deps.kubeconfig, { force: true });
}
export {
  deleteCluster
};
//# sourceMappingURL=cluster-delete.js.map
