// The `kind` ClusterTarget: a kind cluster on the engine tarmac builds with, reused while healthy, with
// verified image delivery and a private kubeconfig under .tarmac/.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';
import type { PodView, RenderedGroup } from '../../kube/types.js';
import { tarmacVersion } from '../../version.js';
import type { ClusterState, ClusterTarget, DownReport, EnsureResult, TargetContext } from '../types.js';
import { applyGroup } from './apply-group.js';
import { ClusterRecords } from './cluster-record.js';
import { readStatus } from './cluster-status.js';
import { deliverImage } from './deliver-image.js';
import { downClusters } from './down.js';
import { ensureCluster } from './ensure-cluster.js';
import type { KindDeps } from './kind-deps.js';
import { KindTools } from './kind-tools.js';
import { listPods } from './list-pods.js';
import { imagePresence, presentEverywhere } from './node-images.js';
import { kubeconfigPath } from './paths.js';
import { sleep } from '../../watch/timeout.js';

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
}

/** Creates the kind target for the env's `cluster.name`. */
export function createKindTarget(opts: KindTargetOptions): ClusterTarget {
  const name = opts.env.cluster.name;
  const kubeconfig = kubeconfigPath(opts.stateDir, name);
  return new KindTarget({
    env: opts.env,
    name,
    engine: opts.engine,
    tools: new KindTools(opts.runner, opts.engine, kubeconfig),
    records: new ClusterRecords(opts.stateDir),
    stateDir: opts.stateDir,
    runId: opts.runId,
    kubeconfig,
    createTimeoutMs: opts.createTimeoutMs,
    tarmacVersion: opts.tarmacVersion ?? tarmacVersion(),
    sleep: opts.sleep ?? sleep,
  });
}

/** ClusterTarget over the kind and kubectl CLIs; each method lives in its own module. */
class KindTarget implements ClusterTarget {
  readonly type = 'kind' as const;
  readonly name: string;

  constructor(private readonly deps: KindDeps) {
    this.name = deps.name;
  }

  async status(signal?: AbortSignal): Promise<ClusterState> {
    return (await readStatus(this.deps, signal)).state;
  }

  ensure(ctx: TargetContext): Promise<EnsureResult> {
    return ensureCluster(this.deps, ctx);
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

  pods(group: RenderedGroup, signal?: AbortSignal): Promise<PodView[]> {
    return listPods(this.deps, group, signal);
  }

  /**
   * Service endpoints reachable from the host. Not implemented for kind yet: it would need one
   * `kubectl port-forward` process per Service (the stand-in kubectl has no port-forward). Tests reach
   * services through KUBECONFIG, or through extraPortMappings in the kind config.
   */
  endpoints(): Promise<Record<string, string>> {
    return Promise.resolve({});
  }

  testEnv(): Record<string, string> {
    return { KUBECONFIG: this.deps.kubeconfig };
  }

  down(signal?: AbortSignal): Promise<DownReport> {
    return downClusters(this.deps, signal);
  }
}
