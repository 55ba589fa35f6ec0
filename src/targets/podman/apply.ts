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
import { allPods, envPods, inspectPod, type PodRecordLive } from './inspect.js';
import { LABEL_SPEC, podmanOwnership } from './names.js';
import { inspectNetwork } from './network.js';
import { otherCheckoutError } from '../other-checkout.js';
import { playUnit } from './play.js';
import { eachChain, playChains } from './play-chains.js';
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
  /** This process's ensure() found or made the network: no need to look again before every group. */
  networkChecked: boolean;
  /**
   * The env's pods, read now (after the plays): the target's shared listing, which the readiness wait's first poll then
   * answers from (one `pod ps` fewer per deploy, issue 17). Absent: a `pod ps` of the env.
   */
  listPods?: (signal: AbortSignal) => Promise<PodRecordLive[]>;
  /** Every pod on the host, from a read the run's targets share (host-reads.ts). Absent: a `pod ps` of its own. */
  hostPods?: (signal: AbortSignal) => Promise<PodRecordLive[]>;
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
  // A network removed behind tarmac's back after ensure() still fails the play, with podman's own error.
  if (!deps.networkChecked && !(await inspectNetwork(deps.cli, deps.network, ctx.signal))) {
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
  // One listing of the host's pods answers what an inspect of each planned pod and the prune listing did: every
  // podman call costs about 0.1 s of CPU, which side-by-side suites pay on two cores (issues 16 and 17).
  const live = await (deps.hostPods ? deps.hostPods(ctx.signal) : allPods(deps.cli, ctx.signal));
  const existing = (unit: PlayUnit) => live.find((pod) => pod.name === unit.podName);
  await refuseTaken(deps, plan.units, existing, ctx.signal);
  const playFiles = new Map<PlayUnit, string>();
  await eachChain(playChains(plan.units), PLAY_CONCURRENCY, async (unit) => {
    const playFile = await applyUnit(deps, unit, existing(unit), group.name, ctx);
    if (playFile) playFiles.set(unit, playFile);
  });
  // In the plan's order, whichever play ended first.
  const played = plan.units.flatMap((unit) => {
    const playFile = playFiles.get(unit);
    return playFile ? [{ unit, playFile }] : [];
  });
  await verifyPlayed(deps, played, ctx);
  await pruneGroup(deps, group.name, plan, live, ctx);
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

/**
 * Chains of units played at once. Two, not more: a play is CPU-bound in podman (about 0.7 s of CPU), and a group's
 * pods starting together is what `kubectl apply` does too; a group of one workload gains nothing.
 */
const PLAY_CONCURRENCY = 2;

// Refuses, before anything is played (the plays run side by side), a pod name or a podman secret that tarmac did
// not make for this env.
async function refuseTaken(
  deps: ApplyDeps,
  units: readonly PlayUnit[],
  existing: (unit: PlayUnit) => PodRecordLive | undefined,
  signal: AbortSignal,
): Promise<void> {
  for (const unit of units) {
    const found = existing(unit);
    const owner = found && podmanOwnership(found.labels, deps.id);
    if (owner === 'other-checkout') throw otherCheckoutError(`pod ${unit.podName}`, found?.labels ?? {}, deps.id);
    if (found && owner === 'foreign') {
      throw new TarmacError(
        'POD_NAME_TAKEN',
        `a pod named ${unit.podName} exists but was not created by tarmac for env ${deps.id.env}`,
        {
          exitCode: ExitCode.environment,
          hint: `tarmac never removes what it did not create: remove that pod yourself (podman pod rm -f ${unit.podName}) or rename the env.`,
        },
      );
    }
  }
  const secrets = [...new Set(units.flatMap((unit) => unit.secrets))];
  await refuseForeignSecrets(deps.cli, deps.id.env, secrets, (await deps.store.read()).secrets ?? [], signal);
}

interface Played {
  unit: PlayUnit;
  playFile: string;
}

// Keeps the unit's pod when it is unchanged and running (or a completed Job's), else (re)plays it; returns the
// played file, or undefined when the pod was kept.
async function applyUnit(
  deps: ApplyDeps,
  unit: PlayUnit,
  existing: PodRecordLive | undefined,
  group: string,
  ctx: TargetContext,
): Promise<string | undefined> {
  const state = await deps.store.read();
  const recorded = state.pods[unit.podName];
  const unchanged = existing && recorded && existing.labels[LABEL_SPEC] === unit.specHash;
  if (unchanged && existing.status === 'Running') {
    ctx.output(`${unit.podName}: unchanged and running, kept`);
    return undefined;
  }
  // A Job's pod ran to its end: replaying it would run the Job again (kubectl apply would not either).
  if (unchanged && unit.completes && existing.status === 'Exited') {
    ctx.output(`${unit.podName}: unchanged Job pod, already ran, kept`);
    return undefined;
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
  return played.playFile;
}

// Checks that every played pod exists with the env's labels (kube play's exit code is not trusted): one listing of
// the env's pods, and an inspect only of a pod it lacks, to say what is wrong with it.
async function verifyPlayed(deps: ApplyDeps, played: readonly Played[], ctx: TargetContext): Promise<void> {
  if (played.length === 0) return;
  const pods = deps.listPods ? deps.listPods(ctx.signal) : envPods(deps.cli, deps.id, ctx.signal);
  const ours = new Set((await pods).map((pod) => pod.name));
  for (const { unit, playFile } of played) {
    if (!ours.has(unit.podName)) {
      const found = await inspectPod(deps.cli, unit.podName, ctx.signal);
      throw new TarmacError(
        'POD_NOT_VERIFIED',
        `podman kube play of ${unit.podName} exited 0, but the pod ${found ? 'lacks the env labels' : 'does not exist'}`,
        { hint: `Inspect it with \`podman pod inspect ${unit.podName}\`; the played file is ${playFile}.` },
      );
    }
    ctx.output(`${unit.podName}: played${unit.aliases.length > 0 ? ` (reachable as ${unit.aliases.join(', ')})` : ''}`);
  }
}

// Removes the group's pods that the plan no longer has (only pods carrying the env's labels).
async function pruneGroup(
  deps: ApplyDeps,
  group: string,
  plan: GroupPlan,
  live: readonly PodRecordLive[],
  ctx: TargetContext,
): Promise<void> {
  const planned = new Set(plan.units.map((u) => u.podName));
  const gone = podsToPrune(live, deps.id, group, planned);
  for (const name of gone) {
    await deps.removePod(name);
    ctx.output(`${name}: no longer in the manifests of group ${group}, removed`);
  }
  if (gone.length > 0)
    await deps.store.update((s) => {
      for (const name of gone) delete s.pods[name];
    });
}
