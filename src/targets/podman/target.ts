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
import { recordedEndpoints, serviceEndpoints } from './endpoints.js';
import { ensureNetwork } from './ensure.js';
import { listEnv, SharedListing } from './env-listing.js';
import { FreshRead, mark } from './fresh-read.js';
import { hostReads } from './host-reads.js';
import { envContainersQuery, inspectPod, listEnvContainers } from './inspect.js';
import { isOurs, networkName, targetLabels } from './names.js';
import { planGroup, type GroupPlan } from './play-plan.js';
import { podmanCli, type PodmanCli } from './podman-cli.js';
import { groupPodViews } from './pods.js';
import { ReadinessProber } from './readiness.js';
import { removePods } from './remove-pods.js';
import { StateStore, statePaths } from './state.js';
import { envHealth, envStatus } from './status.js';

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
  /**
   * The env's pods and containers as this run's checks read them (the in-place check of each deploy group, the
   * endpoints, the health): one listing until anything may have changed the env. Forgotten by every change made here
   * (ensure, the start of an apply, a pod removed, a stopped crash loop, down), by a live read and by forgetStatus()
   * (a hook or the tests ran). An apply ends holding the listing it read after its plays, to verify them.
   */
  private readonly shared: SharedListing;
  /** ensure() found or made the env network in this process, and down() has not removed it since. */
  private networkChecked = false;
  /**
   * When this process last finished changing the env (a mark() of fresh-read.ts; 0: not yet): a host-wide read that
   * other envs' steps started after it sees this env as it is, so a step here may share it.
   */
  private settled = 0;
  /** The check of the recorded endpoints: one `ps` for the health and the endpoints asked at once. */
  private readonly recordedCheck = new FreshRead(() => this.checkRecorded());

  constructor(private readonly opts: PodmanTargetOptions) {
    this.name = networkName(opts.env.name);
    this.id = envIdentity(opts.env);
    this.cli = podmanCli(opts.engine);
    const paths = statePaths(opts.stateDir);
    this.store = new StateStore(paths.file, opts.env.name);
    this.playDir = paths.playDir;
    this.now = opts.now ?? Date.now;
    this.prober = new ReadinessProber(this.cli, this.now);
    this.shared = new SharedListing(() => listEnv(this.cli, this.id));
  }

  status(signal?: AbortSignal): Promise<ClusterState> {
    return envStatus(this.cli, this.id, this.name, async (s) => (await this.shared.get(s)).pods, signal);
  }

  forgetStatus(): void {
    this.changed();
  }

  // Anything may have changed the env: its listing is dropped, and shared host reads must start after now.
  private changed(): void {
    this.shared.forget();
    this.settled = mark();
  }

  async ensure(ctx: TargetContext): Promise<EnsureResult> {
    const teardown = async (): Promise<void> => {
      const report = await this.down(ctx.signal);
      for (const removed of report.removed) ctx.output(`removed ${removed}`);
    };
    // An env with pods played before is most likely reused: its listing and its containers' inspection (what the
    // deploy steps' in-place checks read) are read beside the network check instead of after it, in the first deploy
    // step (issue 16). Dropped below unless the network is reused as it is; wasted only when every group re-applies.
    const state = await this.store.read();
    if (Object.keys(state.pods).length > 0)
      void this.shared
        .get()
        .then((listing) => listing.containers())
        .catch(() => undefined);
    try {
      const result = await ensureNetwork(
        {
          cli: this.cli,
          id: this.id,
          network: this.name,
          reuse: this.opts.env.cluster.reuse,
          store: this.store,
          teardown,
          networkOnRecord: state.network !== undefined,
          networks: hostReads(this.opts.engine).networks,
        },
        ctx.signal,
      );
      if (result.action !== 'reused') this.changed();
      this.networkChecked = true;
      return result;
    } catch (error) {
      this.changed();
      throw error;
    }
  }

  hasImage(ref: string, signal?: AbortSignal): Promise<boolean> {
    return this.opts.engine.imageExists(ref, signal);
  }

  deliver(ref: string, ctx: TargetContext): Promise<'delivered' | 'present'> {
    return deliverImage(this.opts.engine, this.opts.env, ref, ctx);
  }

  async apply(group: RenderedGroup, ctx: TargetContext, envGroups: readonly RenderedGroup[] = []): Promise<void> {
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
      networkChecked: this.networkChecked,
      // Read after the plays (forgotten first: another step may have shared a listing read while pods were
      // replaced); kept for the readiness wait's first poll. Removing a pod afterwards (prune) forgets it again.
      listPods: async (signal: AbortSignal) => {
        this.shared.forget();
        return (await this.shared.get(signal)).pods;
      },
      hostPods: (signal: AbortSignal) => hostReads(this.opts.engine).pods.get(this.settled, signal),
    };
    // Forgotten before: no check may share a listing read while pods are replaced.
    this.shared.forget();
    try {
      await applyGroup(deps, group, this.plan(group, envGroups), ctx);
      this.settled = mark();
    } catch (error) {
      this.changed();
      throw error;
    }
  }

  // Only workloads leave anything in podman (their pods); a group's other objects are read from the manifests at each
  // play, or accepted with no effect. A group with no workload has nothing to lose.
  async missingObjects(group: RenderedGroup, signal?: AbortSignal): Promise<string[]> {
    const { pods } = await this.shared.get(signal);
    return this.plan(group, [], false)
      .units.filter((unit) => !pods.some((pod) => pod.name === unit.podName))
      .map((unit) => `pod ${unit.podName}`);
  }

  pods(group: RenderedGroup, signal?: AbortSignal, read: 'live' | 'shared' = 'live'): Promise<PodView[]> {
    // A live read supersedes the held listing (apply's, read before the readiness wait): a later group's in-place
    // check must not answer from a state older than what this wait has seen.
    if (read === 'live') this.shared.forget();
    const deps = {
      cli: this.cli,
      id: this.id,
      prober: this.prober,
      store: this.store,
      now: this.now,
      listing: (s?: AbortSignal) => (read === 'shared' ? this.shared.get(s) : listEnv(this.cli, this.id, s)),
      changed: () => this.changed(),
    };
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
    // A run holding a listing (up's test step after the deploy checks) answers from it; else the recorded ports
    // are checked with one `ps` (tarmac test), and only when one is not live are the pods listed.
    if (this.shared.held()) return serviceEndpoints(await this.store.read(), () => this.shared.get(signal));
    const recorded = await this.recordedCheck.get(this.settled, signal);
    return recorded ?? serviceEndpoints(await this.store.read(), () => this.shared.get(signal));
  }

  // `tarmac test` asks for the health beside the endpoints. Recorded endpoints that `ps` shows live (running
  // containers of this env holding the recorded host ports) answer it too: those containers use the env network,
  // which podman does not remove while they do, and a network's DNS cannot be switched off once it is made. So the
  // one `ps` answers both, and the network is inspected only when the record does not hold (issue 16).
  async health(signal?: AbortSignal): Promise<{ healthy: boolean }> {
    const recorded = await this.recordedCheck.get(this.settled, signal).catch(() => undefined);
    if (recorded && Object.keys(recorded).length > 0) return { healthy: true };
    return envHealth(this.cli, this.id, this.name, signal);
  }

  healthQuery(): readonly string[] {
    return envContainersQuery(this.id);
  }

  // The recorded endpoints when `ps` shows each live, else undefined. The `ps` starts beside the state read, not
  // after it: on a busy main thread (tarmac test reconciles meanwhile) the read's callback came late, and the suite
  // waited for a `ps` started that much later (issue 16).
  private async checkRecorded(): Promise<Record<string, string> | undefined> {
    const listed = listEnvContainers(this.cli, this.id);
    listed.catch(() => undefined);
    const state = await this.store.read();
    return Object.keys(state.services).length > 0 ? recordedEndpoints(state, await listed) : undefined;
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

  async down(signal?: AbortSignal): Promise<DownReport> {
    this.shared.forget();
    this.networkChecked = false;
    try {
      return await downEnv(
        { cli: this.cli, id: this.id, network: this.name, store: this.store, playDir: this.playDir },
        signal,
      );
    } finally {
      this.changed();
    }
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
    try {
      await removePods(this.cli, [name]);
    } finally {
      this.changed();
    }
  }
}
