import { createHash } from "node:crypto";
import { TarmacError, ExitCode } from "../../errors/errors.js";
import { LABEL_SPEC, LABEL_WORKLOAD, LABEL_WORKLOAD_KIND, envPodLabels } from "./names.js";
import { containersOf, readinessProbeOf } from "./pod-spec.js";
import { scopeClaims, uniqueConfig } from "./play-extras.js";
import { podsOf } from "./replicas.js";
import { bindServices } from "./services.js";
import { asRecords, asString, clone } from "./shape.js";
import { sortObjects } from "./workloads.js";
function noEffectLine(item) {
  return `podman target: ${item.kind}/${item.name} (${item.source}) accepted, no effect on this target: ${item.reason}`;
}
function planGroup(group, ctx, envGroups = [], strict = true) {
  const sorted = sortObjects(group.objects);
  const others = envGroups.filter((g) => g.name !== group.name).map((g) => sortObjects(g.objects));
  const all = [sorted, ...others];
  const { bindings, problems } = bindServices(
    all.flatMap((s) => s.services),
    all.flatMap((s) => s.workloads),
    { services: new Set(sorted.services), workloads: new Set(sorted.workloads) }
  );
  problems.unshift(...sorted.unsupported);
  const shared = { ...sorted, config: all.flatMap((s) => s.config), claims: all.flatMap((s) => s.claims) };
  const notes = [];
  const units = [];
  const names = /* @__PURE__ */ new Map();
  for (const workload of sorted.workloads) {
    const id = `${workload.ref.kind}/${workload.ref.name} (${workload.source})`;
    const adapted = adaptSpec(workload);
    if (adapted) notes.push(`podman target: ${id}: ${adapted}`);
    for (const slot of podsOf(workload, ctx.env)) {
      const clash = names.get(slot.podName);
      if (clash)
        problems.push(`${id} makes a pod named ${slot.podName}, as ${clash} does: podman pod names must be unique`);
      names.set(slot.podName, id);
      try {
        units.push(planUnit(workload, slot, bindings, shared, group.name, ctx));
      } catch (error) {
        problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (strict && problems.length > 0) {
    throw new TarmacError(
      "PODMAN_TARGET_UNSUPPORTED",
      `deploy group ${group.name} cannot run on the podman target: ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
      {
        exitCode: ExitCode.usage,
        details: problems,
        hint: "Fix the manifests as each line says, or deploy to a real cluster (cluster.target: kind)."
      }
    );
  }
  return { units, services: bindings, noEffect: sorted.noEffect, notes };
}
function adaptSpec(workload) {
  const spec = workload.spec;
  const policy = asString(spec.restartPolicy) ?? "Always";
  if (workload.completes && policy === "Always") {
    spec.restartPolicy = "Never";
    return void 0;
  }
  if (policy === "Always" && asRecords(spec.initContainers).length > 0) {
    spec.restartPolicy = "OnFailure";
    return "played with restartPolicy OnFailure (podman 4.3.1 restarts init containers forever under Always); a container exiting 0 is not restarted";
  }
  return void 0;
}
function planUnit(workload, slot, bindings, sorted, group, ctx) {
  const spec = clone(workload.spec);
  if (slot.hostname && spec.hostname === void 0) spec.hostname = slot.hostname;
  const { claims, volumes } = scopeClaims(
    spec,
    sorted.claims.map((c) => c.object),
    ctx
  );
  const mine = bindings.filter((b) => b.workloads.includes(workload));
  const probes = {};
  for (const container of containersOf(spec)) {
    const probe = readinessProbeOf(spec, container);
    if (probe) probes[asString(container.name) ?? ""] = probe;
  }
  const images = [...asRecords(spec.initContainers), ...containersOf(spec)].flatMap((container) => {
    const ref = asString(container.image);
    const name = asString(container.name) ?? "";
    return ref ? [{ ref, pullPolicy: asString(container.imagePullPolicy), container: name }] : [];
  });
  const publish = new Set(mine.flatMap((b) => b.ports));
  for (const probe of Object.values(probes)) if (probe.action.type !== "exec") publish.add(probe.action.port);
  const labels = { ...workload.labels, [LABEL_WORKLOAD_KIND]: workload.ref.kind, [LABEL_WORKLOAD]: workload.ref.name };
  const extras = [...uniqueConfig(sorted.config), ...claims];
  const aliases = [...mine.map((b) => b.name), ...slot.aliases];
  const specHash = hash({ labels, spec, extras, aliases, network: ctx.network, group });
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: slot.podName,
      labels: { ...labels, ...envPodLabels(ctx, ctx.runId, group), [LABEL_SPEC]: specHash }
    },
    spec
  };
  return {
    podName: slot.podName,
    workload: workload.ref,
    source: workload.source,
    pod,
    extras,
    aliases,
    publish: [...publish].sort((a, b) => a - b),
    probes,
    images,
    volumes,
    completes: workload.completes,
    specHash
  };
}
function hash(value) {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}
export {
  noEffectLine,
  planGroup
};
//# sourceMappingURL=play-plan.js.map
