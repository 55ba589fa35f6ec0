// Applying a rendered group: plan it, check its images, then per pod keep it when it is unchanged and
// running (or, for a Job, completed), or (re)play it; record every pod before playing it, so down finds
// it even if tarmac dies half-way; then remove the group's pods that left the manifests.
import { join } from 'node:path';
import type { EnvIdentity } from '../../config/project-identity.js';
import type { ContainerEngine } from '../../engines/types.js';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { TargetContext } from '../types.js';
import { assertImagesPresent } from './image-check.js';
import { envPods, inspectPod } from './inspect.js';
import { LABEL_SPEC, isOurs, podmanOwnership } from './names.js';
import { inspectNetwork } from './network.js';
import { otherCheckoutError } from '../other-checkout.js';
import { playUnit } from './play.js';
import { noEffectLine, type GroupPlan, type PlayUnit } from './play-plan.js';
import { podsToPrune } from './prune.js';
import { refuseForeignSecrets } from './remove-secrets.js';
import type { PodmanCli } from './podman-cli.js';
import type { StateStore } from './state.js';

export interface ApplyDeps {
  cli: PodmanCli;
  engine: ContainerEngine;
  id: EnvIdentity;
  network: string;
  store: StateStore;
  playDir: string;
  timeoutMs: number;
  insecure: boolean;
  removePod: (name: string) => Promise<void>;
}

/** Applies the planned group; idempotent. */
export async function applyGroup(
  deps: ApplyDeps,
  group: RenderedGroup,
  plan: GroupPlan,
  ctx: TargetContext,
): Promise<void> {
  for (const item of plan.noEffect) ctx.output(noEffectLine(item));
  for (const note of plan.notes) ctx.output(note);
  if (!(await inspectNetwork(deps.cli, deps.network, ctx.signal))) {
    throw new TarmacError(
      'TARGET_NOT_READY',
      `podman network ${deps.network} does not exist: the target was not set up`,
      {
        exitCode: ExitCode.internal,
        hint: 'ensure() creates the network before anything is applied; run `tarmac up` again.',
      },
    );
  }
  await assertImagesPresent(deps.engine, plan.units, group.name, ctx.signal);
  for (const unit of plan.units) await applyUnit(deps, unit, group.name, ctx);
  await pruneGroup(deps, group.name, plan, ctx);
  await deps.store.update((state) => {
    // The group's Services are exactly those of this apply: a Service dropped from the manifests goes.
    for (const [name, service] of Object.entries(state.services))
      if (service.group === group.name) delete state.services[name];
    // A Service is recorded by the group whose pod serves it (it may sit in another group).
    for (const binding of plan.services) {
      const port = binding.ports[0];
      const unit = plan.units.find((u) => binding.workloads.some((w) => w.ref === u.workload));
      if (unit && port !== undefined) state.services[binding.name] = { pod: unit.podName, port, group: group.name };
    }
  });
}

async function applyUnit(deps: ApplyDeps, unit: PlayUnit, group: string, ctx: TargetContext): Promise<void> {
  const existing = await inspectPod(deps.cli, unit.podName, ctx.signal);
  const owner = existing && podmanOwnership(existing.labels, deps.id);
  if (owner === 'other-checkout') throw otherCheckoutError(`pod ${unit.podName}`, existing?.labels ?? {}, deps.id);
  if (existing && owner === 'foreign') {
    throw new TarmacError(
      'POD_NAME_TAKEN',
      `a pod named ${unit.podName} exists but was not created by tarmac for env ${deps.id.env}`,
      {
        exitCode: ExitCode.environment,
        hint: `tarmac never removes what it did not create: remove that pod yourself (podman pod rm -f ${unit.podName}) or rename the env.`,
      },
    );
  }
  const state = await deps.store.read();
  await refuseForeignSecrets(deps.cli, deps.id.env, unit.secrets, state.secrets ?? [], ctx.signal);
  const recorded = state.pods[unit.podName];
  const unchanged = existing && recorded && existing.labels[LABEL_SPEC] === unit.specHash;
  if (unchanged && existing.status === 'Running') {
    ctx.output(`${unit.podName}: unchanged and running, kept`);
    return;
  }
  // A Job's pod ran to its end: replaying it would run the Job again (kubectl apply would not either).
  if (unchanged && unit.completes && existing.status === 'Exited') {
    ctx.output(`${unit.podName}: unchanged Job pod, already ran, kept`);
    return;
  }
  if (existing) {
    ctx.output(
      `${unit.podName}: ${existing.labels[LABEL_SPEC] === unit.specHash ? `is ${existing.status}` : 'changed'}, replacing it`,
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
    hostPorts: previousPorts,
  };
  await deps.store.update((s) => {
    s.pods[unit.podName] = record;
    for (const volume of unit.volumes) if (!s.volumes.includes(volume)) s.volumes.push(volume);
    const secrets = (s.secrets ??= []);
    for (const secret of unit.secrets) if (!secrets.includes(secret)) secrets.push(secret);
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
    removePod: deps.removePod,
  });
  await deps.store.update((s) => {
    s.pods[unit.podName] = { ...record, ...played };
  });
  const verified = await inspectPod(deps.cli, unit.podName, ctx.signal);
  if (!verified || !isOurs(verified.labels, deps.id)) {
    throw new TarmacError(
      'POD_NOT_VERIFIED',
      `podman kube play of ${unit.podName} exited 0, but the pod ${verified ? 'lacks the env labels' : 'does not exist'}`,
      {
        hint: `Inspect it with \`podman pod inspect ${unit.podName}\`; the played file is ${played.playFile}.`,
      },
    );
  }
  ctx.output(`${unit.podName}: played${unit.aliases.length > 0 ? ` (reachable as ${unit.aliases.join(', ')})` : ''}`);
}

// Removes the group's pods that the plan no longer has (only pods carrying the env's labels).
async function pruneGroup(deps: ApplyDeps, group: string, plan: GroupPlan, ctx: TargetContext): Promise<void> {
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
