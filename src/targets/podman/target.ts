// The `podman` ClusterTarget: the env's manifests run as podman pods (`podman kube play`) on a
// per-env network, without a cluster. See README.md for what it supports and why.
import { envIdentity, type EnvIdentity } from '../../config/project-identity.js';
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';
import type { ConditionReading, PodView, RenderedGroup, WorkloadRef } from '../../kube/types.js';
import type {
  ClusterState,
  ClusterTarget,
  DownReport,
  EnsureResult,
  LogRequest,
  LogSource,
  TargetContext,
} from '../types.js';
import { podmanLogSources, readPodmanLogs } from './logs.js';
import { applyGroup } from './apply.js';
import { deliverImage } from './deliver.js';
import { downEnv } from './down.js';
import { serviceEndpoints } from './endpoints.js';
import { ensureNetwork } from './ensure.js';
import { inspectPod } from './inspect.js';
import { isOurs, networkName, targetLabels } from './names.js';
import { planGroup, type GroupPlan } from './play-plan.js';
import { podmanCli, type PodmanCli } from './podman-cli.js';
import { groupPodViews } from './pods.js';
import { ReadinessProber } from './readiness.js';
import { removePods } from './remove-pods.js';
import { StateStore, statePaths } from './state.js';
import { envStatus } from './status.js';

export interface PodmanTargetOptions {
  env: Env;
  runner: CommandRunner;
  engine: ContainerEngine;
  /** The env's state dir (`.tarmac/`): the state file and played YAML files go here. */
  stateDir: string;
  runId: string;
  /** Clock for probe timing and crash-loop windows (tests); default Date.now. */
  now?: () => number;
}

/** Creates the podman target of an env. */
export function createPodmanTarget(opts: PodmanTargetOptions): ClusterTarget {
  return new PodmanTarget(opts);
}

class PodmanTarget implements ClusterTarget {
  readonly type = 'podman' as const;
  readonly runsFromEngineStore = true;
  readonly name: string;
  private readonly cli: PodmanCli;
  private readonly store: StateStore;
  private readonly playDir: string;
  private readonly prober: ReadinessProber;
  private readonly now: () => number;
  /** The env name and the project (checkout) it belongs to: every label and ownership check uses it. */
  private readonly id: EnvIdentity;

  constructor(private readonly opts: PodmanTargetOptions) {
    this.name = networkName(opts.env.name);
    this.id = envIdentity(opts.env);
    this.cli = podmanCli(opts.engine);
    const paths = statePaths(opts.stateDir);
    this.store = new StateStore(paths.file, opts.env.name);
    this.playDir = paths.playDir;
    this.now = opts.now ?? Date.now;
    this.prober = new ReadinessProber(this.cli, this.now);
  }

  status(signal?: AbortSignal): Promise<ClusterState> {
    return envStatus(this.cli, this.id, this.name, signal);
  }

  ensure(ctx: TargetContext): Promise<EnsureResult> {
    const teardown = async (): Promise<void> => {
      const report = await this.down(ctx.signal);
      for (const removed of report.removed) ctx.output(`removed ${removed}`);
    };
    return ensureNetwork(
      {
        cli: this.cli,
        id: this.id,
        network: this.name,
        reuse: this.opts.env.cluster.reuse,
        store: this.store,
        teardown,
      },
      ctx.signal,
    );
  }

  hasImage(ref: string, signal?: AbortSignal): Promise<boolean> {
    return this.opts.engine.imageExists(ref, signal);
  }

  deliver(ref: string, ctx: TargetContext): Promise<'delivered' | 'present'> {
    return deliverImage(this.opts.engine, this.opts.env, ref, ctx);
  }

  apply(group: RenderedGroup, ctx: TargetContext, envGroups: readonly RenderedGroup[] = []): Promise<void> {
    const deps = {
      cli: this.cli,
      engine: this.opts.engine,
      id: this.id,
      network: this.name,
      store: this.store,
      playDir: this.playDir,
      timeoutMs: this.opts.env.timeouts.deploy,
      insecure: this.opts.env.registry?.insecure ?? false,
      removePod: (name: string) => this.removeOwnPod(name),
    };
    return applyGroup(deps, group, this.plan(group, envGroups), ctx);
  }

  // Only workloads leave anything in podman (their pods); a group's other objects are read from the manifests at each
  // play, or accepted with no effect. A group with no workload has nothing to lose.
  async missingObjects(group: RenderedGroup, signal?: AbortSignal): Promise<string[]> {
    const missing: string[] = [];
    for (const unit of this.plan(group, [], false).units)
      if (!(await inspectPod(this.cli, unit.podName, signal))) missing.push(`pod ${unit.podName}`);
    return missing;
  }

  pods(group: RenderedGroup, signal?: AbortSignal): Promise<PodView[]> {
    const deps = { cli: this.cli, id: this.id, prober: this.prober, store: this.store, now: this.now };
    return groupPodViews(deps, group.name, this.plan(group, [], false).units, signal);
  }

  // Kinds without pods have no controller here to set a condition: the wait is met, and says why.
  condition(ref: WorkloadRef & { condition: string }): Promise<ConditionReading> {
    return Promise.resolve({
      status: 'True',
      detail: `met at once: ${ref.kind}/${ref.name} has no controller on the podman target to report it`,
    });
  }

  async endpoints(signal?: AbortSignal): Promise<Record<string, string>> {
    return serviceEndpoints(this.cli, this.id, await this.store.read(), signal);
  }

  logSources(signal?: AbortSignal): Promise<LogSource[]> {
    return podmanLogSources(this.cli, this.id, signal);
  }

  readLogs(source: LogSource, request: LogRequest): Promise<void> {
    return readPodmanLogs(this.cli, source, request);
  }

  testEnv(): Record<string, string> {
    return { TARMAC_NETWORK: this.name };
  }

  containerLabels(): Record<string, string> {
    return targetLabels(this.id);
  }

  down(signal?: AbortSignal): Promise<DownReport> {
    return downEnv(
      { cli: this.cli, id: this.id, network: this.name, store: this.store, playDir: this.playDir },
      signal,
    );
  }

  // Pod names and probes (all pods() needs) do not depend on the other groups, and a Service that
  // selects a workload of another group is no problem there: pods() plans leniently, without them.
  private plan(group: RenderedGroup, envGroups: readonly RenderedGroup[] = [], strict = true): GroupPlan {
    const ctx = { env: this.opts.env.name, project: this.id.project, runId: this.opts.runId, network: this.name };
    return planGroup(group, ctx, envGroups, strict);
  }

  // Removes a pod by name only when it carries the env's labels.
  private async removeOwnPod(name: string): Promise<void> {
    const pod = await inspectPod(this.cli, name);
    if (!pod || !isOurs(pod.labels, this.id)) return;
    await removePods(this.cli, [name]);
  }
}
