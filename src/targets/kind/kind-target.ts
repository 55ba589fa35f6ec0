// The `kind` ClusterTarget: a kind cluster on the engine tarmac builds with, reused while healthy, with
// verified image delivery and a private kubeconfig under .tarmac/.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';
import type { PodView, RenderedGroup } from '../../kube/types.js';
import { tarmacVersion } from '../../version.js';
import type {
  ClusterState,
  ClusterTarget,
  DownReport,
  EnsureResult,
  LogRequest,
  LogSource,
  TargetContext,
} from '../types.js';
import { kindLogSources, readKindLogs } from './logs.js';
import { applyGroup } from './apply-group.js';
import { ClusterRecords } from './cluster-record.js';
import { readStatus } from './cluster-status.js';
import { deliverImage } from './deliver-image.js';
import { downClusters } from './down.js';
import { ensureCluster } from './ensure-cluster.js';
import { CLUSTER_LABEL, type KindDeps } from './kind-deps.js';
import { KindTools } from './kind-tools.js';
import { listPods } from './list-pods.js';
import { missingObjects } from './missing-objects.js';
import { NodeImageCache } from './node-image-cache.js';
import { imagePresence, presentEverywhere } from './node-images.js';
import { sleep } from '../../watch/timeout.js';
import { InternalError } from '../../errors/errors.js';
import { PortBook } from './forward-ports.js';
import { ForwardSupervisor, type ForwardView } from './forwards.js';
import { kubeconfigPath, forwardsPath } from './paths.js';
import { listServicePorts } from './service-ports.js';

export interface KindTargetOptions {
  env: Env;
  runner: CommandRunner;
  engine: ContainerEngine;
  /** Usually env.stateDir (`<config dir>/.tarmac`). */
  stateDir: string;
  runId: string;
  /** Budget of `kind create cluster` (timeouts.cluster); readiness after it gets what is left, at least 10s. */
  createTimeoutMs: number;
  /** Overrides for tests: the version recorded with created clusters, and the wait between retries. */
  tarmacVersion?: string;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** tarmac's lifetime: the port-forwards behind `endpoints()` run until it aborts (the CLI aborts it on exit). */
  lifetime?: AbortSignal;
  /** Lines for the journal and the view about the forwards (one dropped, restarted). */
  notify?: (line: string) => void;
}

/** Creates the kind target for the env's `cluster.name`. */
export function createKindTarget(opts: KindTargetOptions): ClusterTarget {
  const name = opts.env.cluster.name;
  const kubeconfig = kubeconfigPath(opts.stateDir, name);
  const tools = new KindTools(opts.runner, opts.engine, kubeconfig);
  const forwards = opts.lifetime
    ? new ForwardSupervisor({
        tools,
        book: new PortBook(forwardsPath(opts.stateDir, name)),
        lifetime: opts.lifetime,
        notify: opts.notify ?? (() => {}),
        sleep: opts.sleep ?? sleep,
        readyTimeoutMs: FORWARD_READY_MS,
      })
    : undefined;
  const target = new KindTarget({
    env: opts.env,
    name,
    engine: opts.engine,
    tools,
    records: new ClusterRecords(opts.stateDir),
    stateDir: opts.stateDir,
    runId: opts.runId,
    kubeconfig,
    createTimeoutMs: opts.createTimeoutMs,
    tarmacVersion: opts.tarmacVersion ?? tarmacVersion(),
    nodeImages: new NodeImageCache(),
    sleep: opts.sleep ?? sleep,
  });
  target.forwards = forwards;
  return target;
}

/** How long a port-forward may take to listen (kubectl waits for a running pod behind the Service). */
const FORWARD_READY_MS = 60_000;

/** ClusterTarget over the kind and kubectl CLIs; each method lives in its own module. */
class KindTarget implements ClusterTarget {
  readonly type = 'kind' as const;
  readonly name: string;
  /** The supervised port-forwards; absent without a lifetime signal (nothing would ever stop them). */
  forwards: ForwardSupervisor | undefined;

  constructor(private readonly deps: KindDeps) {
    this.name = deps.name;
  }

  async status(signal?: AbortSignal): Promise<ClusterState> {
    return (await readStatus(this.deps, signal)).state;
  }

  async ensure(ctx: TargetContext): Promise<EnsureResult> {
    // A recreated cluster has other nodes, with none of the images.
    this.deps.nodeImages.forget();
    try {
      return await ensureCluster(this.deps, ctx);
    } finally {
      this.deps.nodeImages.forget();
    }
  }

  async hasImage(ref: string, signal?: AbortSignal): Promise<boolean> {
    return presentEverywhere(await imagePresence(this.deps, ref, signal));
  }

  deliver(ref: string, ctx: TargetContext): Promise<'delivered' | 'present'> {
    return deliverImage(this.deps, ref, ctx);
  }

  apply(group: RenderedGroup, ctx: TargetContext): Promise<void> {
    return applyGroup(this.deps, group, ctx);
  }

  missingObjects(group: RenderedGroup, signal?: AbortSignal): Promise<string[]> {
    return missingObjects(this.deps, group, signal);
  }

  pods(group: RenderedGroup, signal?: AbortSignal): Promise<PodView[]> {
    return listPods(this.deps, group, signal);
  }

  /** Service endpoints on the host: one supervised `kubectl port-forward` per Service port, (re)started here. */
  async endpoints(signal?: AbortSignal): Promise<Record<string, string>> {
    const views = await this.forwardAll(signal);
    return Object.fromEntries(views.map((v) => [v.endpoint, v.url]));
  }

  /** Each endpoint's forward, for `tarmac status`. */
  endpointNotes(): Record<string, string> {
    const views = this.forwards?.views() ?? [];
    return Object.fromEntries(
      views.map((v) => [
        v.endpoint,
        `kubectl port-forward svc/${v.service} -n ${v.namespace} ${String(v.port)}, ${v.state}${v.restarts > 0 ? `, restarted ${String(v.restarts)}x` : ''}`,
      ]),
    );
  }

  private async forwardAll(signal?: AbortSignal): Promise<ForwardView[]> {
    if (!this.forwards)
      throw new InternalError('the kind target was created without a lifetime signal: no port-forwards');
    return this.forwards.ensure(await listServicePorts(this.deps.tools, signal), signal);
  }

  logSources(signal?: AbortSignal): Promise<LogSource[]> {
    return kindLogSources(this.deps.tools, signal);
  }

  readLogs(source: LogSource, request: LogRequest): Promise<void> {
    return readKindLogs(this.deps.tools, source, request);
  }

  testEnv(): Record<string, string> {
    return { KUBECONFIG: this.deps.kubeconfig };
  }

  containerLabels(): Record<string, string> {
    return { [CLUSTER_LABEL]: this.name };
  }

  down(signal?: AbortSignal): Promise<DownReport> {
    this.deps.nodeImages.forget();
    return downClusters(this.deps, signal);
  }
}
