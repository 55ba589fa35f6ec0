import { join } from "node:path";
import { TarmacError, ExitCode } from "../../errors/errors.js";
import { assertImagesPresent } from "./image-check.js";
import { envPods, inspectPod } from "./inspect.js";
import { LABEL_SPEC, isOurs, podmanOwnership } from "./names.js";
import { inspectNetwork } from "./network.js";
import { otherCheckoutError } from "../other-checkout.js";
import { playUnit } from "./play.js";
import { noEffectLine } from "./play-plan.js";
import { podsToPrune } from "./prune.js";
async function applyGroup(deps, group, plan, ctx) {
  for (const item of plan.noEffect) ctx.output(noEffectLine(item));
  for (const note of plan.notes) ctx.output(note);
  if (!await inspectNetwork(deps.cli, deps.network, ctx.signal)) {
    throw new TarmacError(
      "TARGET_NOT_READY",
      `podman network ${deps.network} does not exist: the target was not set up`,
      {
        exitCode: ExitCode.internal,
        hint: "ensure() creates the network before anything is applied; run `tarmac up` again."
      }
    );
  }
  await assertImagesPresent(deps.engine, plan.units, group.name, ctx.signal);
  for (const unit of plan.units) await applyUnit(deps, unit, group.name, ctx);
  await pruneGroup(deps, group.name, plan, ctx);
  await deps.store.update((state) => {
    for (const [name, service] of Object.entries(state.services))
      if (service.group === group.name) delete state.services[name];
    for (const binding of plan.services) {
      const port = binding.ports[0];
      const unit = plan.units.find((u) => binding.workloads.some((w) => w.ref === u.workload));
      if (unit && port !== void 0) state.services[binding.name] = { pod: unit.podName, port, group: group.name };
    }
  });
}
async function applyUnit(deps, unit, group, ctx) {
  const existing = await inspectPod(deps.cli, unit.podName, ctx.signal);
  const owner = existing && podmanOwnership(existing.labels, deps.id);
  if (owner === "other-checkout") throw otherCheckoutError(`pod ${unit.podName}`, existing?.labels ?? {}, deps.id);
  if (existing && owner === "foreign") {
    throw new TarmacError(
      "POD_NAME_TAKEN",
      `a pod named ${unit.podName} exists but was not created by tarmac for env ${deps.id.env}`,
      {
        exitCode: ExitCode.environment,
        hint: `tarmac never removes what it did not create: remove that pod yourself (podman pod rm -f ${unit.podName}) or rename the env.`
      }
    );
  }
  const state = await deps.store.read();
  const recorded = state.pods[unit.podName];
  const unchanged = existing && recorded && existing.labels[LABEL_SPEC] === unit.specHash;
  if (unchanged && existing.status === "Running") {
    ctx.output(`${unit.podName}: unchanged and running, kept`);
    return;
  }
  if (unchanged && unit.completes && existing.status === "Exited") {
    ctx.output(`${unit.podName}: unchanged Job pod, already ran, kept`);
    return;
  }
  if (existing) {
    ctx.output(
      `${unit.podName}: ${existing.labels[LABEL_SPEC] === unit.specHash ? `is ${existing.status}` : "changed"}, replacing it`
    );
    await deps.removePod(unit.podName);
  }
  const previousPorts = recorded?.hostPorts ?? {};
  const record = {
    name: unit.podName,
    group,
    workload: unit.workload,
    source: unit.source,
    playFile: join(deps.playDir, `${unit.podName}.yaml`),
    hostPorts: previousPorts
  };
  await deps.store.update((s) => {
    s.pods[unit.podName] = record;
    for (const volume of unit.volumes) if (!s.volumes.includes(volume)) s.volumes.push(volume);
  });
  const played = await playUnit(unit, {
    cli: deps.cli,
    network: deps.network,
    playDir: deps.playDir,
    previousPorts,
    timeoutMs: deps.timeoutMs,
    insecure: deps.insecure,
    signal: ctx.signal,
    output: ctx.output,
    removePod: deps.removePod
  });
  await deps.store.update((s) => {
    s.pods[unit.podName] = { ...record, ...played };
  });
  const verified = await inspectPod(deps.cli, unit.podName, ctx.signal);
  if (!verified || !isOurs(verified.labels, deps.id)) {
    throw new TarmacError(
      "POD_NOT_VERIFIED",
      `podman kube play of ${unit.podName} exited 0, but the pod ${verified ? "lacks the env labels" : "does not exist"}`,
      {
        hint: `Inspect it with \`podman pod inspect ${unit.podName}\`; the played file is ${played.playFile}.`
      }
    );
  }
  ctx.output(`${unit.podName}: played${unit.aliases.length > 0 ? ` (reachable as ${unit.aliases.join(", ")})` : ""}`);
}
async function pruneGroup(deps, group, plan, ctx) {
  const planned = new Set(plan.units.map((u) => u.podName));
  const gone = podsToPrune(await envPods(deps.cli, deps.id, ctx.signal), deps.id, group, planned);
  for (const name of gone) {
    await deps.removePod(name);
    ctx.output(`${name}: no longer in the manifests of group ${group}, removed`);
  }
  if (gone.length > 0)
    await deps.store.update((s) => {
      for (const name of gone) delete s.pods[name];
    });
}
export {
  applyGroup
};
//# sourceMappingURL=apply.js.map
