// Where the services run: a kind cluster, or pods on podman without a cluster.
import type { ConditionReading, PodView, RenderedGroup, WorkloadRef } from '../kube/types.js';

export type TargetType = 'kind' | 'podman';

/** One step's view of the world: its signal, its output sink and its deadline. */
export interface TargetContext {
  signal: AbortSignal;
  output: (line: string) => void;
}

export interface ClusterState {
  exists: boolean;
  /** Exists, every node (container) running, API answering. */
  healthy: boolean;
  /** Why it is not healthy, one line each, e.g. `node container aianalysis-e2e-control-plane is exited`. */
  problems: string[];
  nodes: { name: string; state: string }[];
  /** Whether tarmac created it (recorded in its state), so `down` may delete it. */
  createdByTarmac: boolean;
}

export interface EnsureResult {
  action: 'created' | 'reused' | 'recreated';
  /** Why, for people: "healthy: 1 node running, /readyz ok" or "node container not running: recreating". */
  reason: string;
}

/** What `down` removed (and what it left alone because tarmac did not create it). */
export interface DownReport {
  removed: string[];
  keptForeign: string[];
}

/** One container of the env whose log `tarmac logs` can show. */
export interface LogSource {
  /** The workload it belongs to (Deployment, StatefulSet, Job, DaemonSet name; a bare Pod's own name). */
  workload: string;
  /** Its namespace on kind (absent on the podman target). */
  namespace?: string;
  pod: string;
  container: string;
}

/** How to read a log: follow until `signal` aborts, only since a duration ago; each line goes to `onLine`. */
export interface LogRequest {
  follow: boolean;
  /** Only lines newer than this many ms. */
  sinceMs?: number;
  signal: AbortSignal;
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** A deploy target; every method honours ctx.signal and verifies its effect. */
export interface ClusterTarget {
  readonly type: TargetType;
  /** Cluster name (kind) or env network/pod prefix (podman). */
  readonly name: string;
  /** The workloads run on the engine's own image store (podman): an image the engine has is delivered. */
  readonly runsFromEngineStore?: boolean;
  status(signal?: AbortSignal): Promise<ClusterState>;
  /** Only `status().healthy`, when the target can tell it for less (podman: no pod listing); else ask status. */
  health?(signal?: AbortSignal): Promise<{ healthy: boolean }>;
  /**
   * The engine arguments of the first read health() makes, when it is one engine call that changes nothing (podman:
   * the env's `ps`): `tarmac test` keeps it so the next `tarmac test` can start it before the CLI loads (issue 16).
   */
  healthQuery?(): readonly string[];
  /** Creates the cluster, or reuses it when healthy and the reuse policy allows; recreates a broken one. */
  ensure(ctx: TargetContext): Promise<EnsureResult>;
  /** Whether the image reference is already available to the workloads (on every node). */
  hasImage(ref: string, signal?: AbortSignal): Promise<boolean>;
  /** Makes the image available; 'present' when it already was. Verifies afterwards. */
  deliver(ref: string, ctx: TargetContext): Promise<'delivered' | 'present'>;
  /**
   * Applies a rendered group (idempotent). `envGroups`: all the env's rendered groups, for targets that
   * resolve Services, ConfigMaps and Secrets across groups themselves (podman); a cluster ignores it.
   */
  apply(group: RenderedGroup, ctx: TargetContext, envGroups?: readonly RenderedGroup[]): Promise<void>;
  /** An object's status condition, for `wait` entries with a `condition` on kinds that run no pods. */
  condition?(ref: WorkloadRef & { condition: string }, signal?: AbortSignal): Promise<ConditionReading>;
  /**
   * `Kind/name` of the group's applied objects the target no longer has, so a warm `up` can skip a group that awaits
   * no workload; absent: the target cannot tell, and such a group is always applied.
   */
  missingObjects?(group: RenderedGroup, signal?: AbortSignal): Promise<string[]>;
  /**
   * Current pods of a group, for the readiness classifier. `read: 'shared'` (a check that may skip work, like a
   * deploy group's in-place check) may answer from the status this run's checks share until the env changes
   * (podman). A wait after a change reads live, but for its first poll, which may share what the change itself read
   * after it (podman: apply's listing that verified its plays).
   */
  pods(group: RenderedGroup, signal?: AbortSignal, read?: 'live' | 'shared'): Promise<PodView[]>;
  /**
   * Forgets the status this run's checks share (see pods): something outside the target (a hook, the test command)
   * may have changed the env. Absent: the target shares nothing.
   */
  forgetStatus?(): void;
  /** Service name -> URL reachable from this host (for the test command). */
  endpoints(signal?: AbortSignal): Promise<Record<string, string>>;
  /** How each endpoint is served, when that needs saying (kind: which port-forward, its state), for `tarmac status`. */
  endpointNotes?(): Record<string, string>;
  /** Environment for the test command (KUBECONFIG, ...). */
  testEnv(): Record<string, string>;
  /** The env's containers, for `tarmac logs`. */
  logSources?(signal?: AbortSignal): Promise<LogSource[]>;
  /** Streams one container's log; throws LOGS_FAILED when the engine or kubectl cannot read it. */
  readLogs?(source: LogSource, request: LogRequest): Promise<void>;
  /** Labels every container running this env's workloads carries (kind nodes, podman pods), to measure its memory. */
  containerLabels?(): Record<string, string>;
  /** Removes what tarmac created for this env, and nothing else. */
  down(signal?: AbortSignal): Promise<DownReport>;
}
