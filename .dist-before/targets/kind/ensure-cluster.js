import { ExitCode, TarmacError } from "../../errors/errors.js";
import { deleteCluster } from "./cluster-delete.js";
import { readStatus } from "./cluster-status.js";
import { createCluster } from "./create-cluster.js";
import { refuseOtherCheckout } from "./owner-marker.js";
async function ensureCluster(deps, ctx) {
  const { state } = await readStatus(deps, ctx.signal);
  const policy = deps.env.cluster.reuse;
  if (state.exists && state.healthy && policy === "healthy") {
    if (!state.createdByTarmac) await refuseOtherCheckout(deps, ctx.signal);
    const reason = `healthy: ${describeNodes(state)}, /readyz ok`;
    ctx.output(`reusing kind cluster ${deps.name} (${reason})`);
    return { action: "reused", reason };
  }
  if (!state.exists) {
    ctx.output(`creating kind cluster ${deps.name}${configNote(deps)}`);
    return { action: "created", reason: `did not exist; created (${await createCluster(deps, ctx)})` };
  }
  const why = policy === "never" ? "cluster.reuse is never" : `not healthy: ${state.problems.join("; ")}`;
  if (!state.createdByTarmac) throw foreignCluster(deps.name, why);
  ctx.output(
    policy === "never" ? `kind cluster ${deps.name} exists and cluster.reuse is never: deleting and recreating it` : `kind cluster ${deps.name} is not healthy:`
  );
  if (policy !== "never") for (const problem of state.problems) ctx.output(`  - ${problem}`);
  if (policy !== "never") ctx.output("deleting and recreating it");
  await deleteCluster(deps, ctx.signal);
  await deps.records.remove(deps.name);
  const summary = await createCluster(deps, ctx);
  return { action: "recreated", reason: `${why}: recreated (${summary})` };
}
function foreignCluster(name, why) {
  return new TarmacError(
    "CLUSTER_FOREIGN",
    `kind cluster ${name} must be recreated (${why}), but tarmac did not create it, so it will not delete it`,
    {
      exitCode: ExitCode.environment,
      hint: `Rename cluster.name in tarmac.yaml to let tarmac create its own cluster, or delete this one yourself with \`kind delete cluster --name ${name}\`.`
    }
  );
}
function describeNodes(state) {
  const n = state.nodes.length;
  return `${n} node${n === 1 ? "" : "s"} running`;
}
function configNote(deps) {
  return deps.env.cluster.kindConfig === void 0 ? " (kind defaults: one control-plane node)" : ` from ${deps.env.cluster.kindConfig}`;
}
export {
  ensureCluster
};
//# sourceMappingURL=ensure-cluster.js.map
