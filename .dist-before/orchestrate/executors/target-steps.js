import { waitReady } from "../../kube/wait-ready.js";
import { InternalError } from "../../errors/errors.js";
import { expectationsFor } from "../../kube/expected-pods.js";
import { waitsForCondition, workloadStatuses } from "../../kube/workload-status.js";
import { applyKey, lastAppliedKey, recordApplied } from "./deploy-record.js";
async function ensureCluster(target, ctx) {
  const result = await target.ensure(ctx);
  return { state: result.action === "reused" ? "cached" : "succeeded", detail: `${result.action}: ${result.reason}` };
}
async function deliverImage(target, ref, ctx) {
  const outcome = await target.deliver(ref, ctx);
  return {
    state: outcome === "present" ? "cached" : "succeeded",
    detail: outcome === "present" ? `${ref} already there` : `${ref} delivered and verified`
  };
}
async function deployGroup(target, group, step, ctx, envGroups = [], records) {
  if (!group) throw new InternalError(`no rendered manifests for deploy group ${step.subject}`);
  const started = Date.now();
  const key = records && applyKey(target, group, envGroups);
  if (records && key !== void 0 && lastAppliedKey(records.stateDir, group.name) === key) {
    const why = await unreadyReason(target, group, ctx.signal);
    if (why === void 0)
      return { state: "cached", detail: `manifests as last applied, ${group.waitFor.length} workload(s) ready` };
    ctx.output(`manifests as last applied, but ${why}: applying again`);
  }
  await target.apply(group, ctx, envGroups);
  const deadlineMs = Math.max(1e3, step.timeoutMs - (Date.now() - started) - 2e3);
  await waitReady({
    group,
    pods: (signal) => target.pods(group, signal),
    deadlineMs,
    signal: ctx.signal,
    output: ctx.output,
    ...target.condition ? { condition: target.condition.bind(target) } : {}
  });
  if (records && key !== void 0) recordApplied(records.stateDir, group.name, key, records.runId);
  return { state: "succeeded", detail: `${group.waitFor.length} workload(s) ready` };
}
async function unreadyReason(target, group, signal) {
  if (group.waitFor.length === 0) return "the group awaits no workload";
  if (group.waitFor.some(waitsForCondition)) return "the group awaits an object condition";
  let pods;
  try {
    pods = await target.pods(group, signal);
  } catch (error) {
    return `its pods could not be listed (${error instanceof Error ? error.message : String(error)})`;
  }
  const expected = expectationsFor(
    group.waitFor,
    group.objects.map((o) => o.object)
  );
  const unready = workloadStatuses(group.waitFor, pods, expected).find((s) => s.state !== "ready");
  return unready && `${unready.ref.kind}/${unready.ref.name} is not ready (${unready.reason})`;
}
export {
  deliverImage,
  deployGroup,
  ensureCluster
};
//# sourceMappingURL=target-steps.js.map
