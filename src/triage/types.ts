// The triage contract: collectors produce typed evidence, rules read it with the journal and
// return verdicts, diagnose ranks them. Everything here is plain data (stored as triage.json).
import type { EventError, TarmacEvent } from '../events/types.js';

/** How one collector ran: under a hard timeout, in parallel with the others. */
export interface CollectorRun<T> {
  /** Collector name, e.g. `engine`, `clusters`, `disk`. */
  name: string;
  ok: boolean;
  timedOut: boolean;
  durationMs: number;
  /** The typed result; absent when the collector failed or timed out. */
  data?: T;
  /** The raw output it read (command output, file contents), redacted, for the report and the bundle. */
  raw: string;
  /** Why it failed, one line. */
  error?: string;
  /** 2 when it timed out once and was retried (src/triage/collect.ts). */
  attempts?: number;
  /** The time it was given in all, retry included. */
  budgetMs?: number;
}

/** A collector that gave no facts (timed out, retry included, or failed): rules and the status table say so. */
export interface MissingEvidence {
  collector: string;
  timedOut: boolean;
  /** The time it was given in all, retry included. */
  budgetMs: number;
  attempts: number;
  error?: string;
}

export interface EngineFacts {
  name: 'podman' | 'docker';
  reachable: boolean;
  /** The engine did not answer within the collector's timeout (a hung machine, not a slow build). */
  hung: boolean;
  probeMs: number;
  /** The engine's own error text when unreachable, e.g. `Cannot connect to Podman...`. */
  error?: string;
  version?: string;
  rootless?: boolean;
  cgroupControllers?: string[];
  memTotalBytes?: number;
  memFreeBytes?: number;
  cpus?: number;
  /** Image store root (podman Store.GraphRoot / docker DockerRootDir). */
  graphRoot?: string;
  /** Temp dir the engine uses for builds and saves (podman `image_copy_tmp_dir` / TMPDIR). */
  tmpDir?: string;
}

export interface MachineFacts {
  /** False on Linux hosts without `podman machine` (the common case here). */
  exists: boolean;
  machines: { name: string; state: string; rootful?: boolean; memoryMiB?: number; diskGiB?: number; cpus?: number }[];
}

export interface ConnectionFacts {
  connections: { name: string; uri: string; isDefault: boolean }[];
  /** The variable with its value when set: `CONTAINER_HOST=unix:///...` or `DOCKER_HOST=tcp://...`. */
  hostEnv?: string;
}

export interface NodeFacts {
  name: string;
  /** Container state as the engine reports it: running, exited, created, paused, or `missing`. */
  state: string;
  exitCode?: number;
  /** Last lines of `podman logs` of the node, for boot failures. */
  logTail?: string[];
}

export interface ClusterFacts {
  target: 'kind' | 'podman';
  name: string;
  /** kind: listed by `kind get clusters`; podman: tarmac's network/pods exist. */
  listed: boolean;
  createdByTarmac: boolean;
  nodes: NodeFacts[];
  /** API reachability: kind `/readyz` through its kubeconfig; absent for the podman target. */
  api?: { url?: string; ok: boolean; detail: string };
}

export interface PortFacts {
  /** `ours`: in use by the env's own container or pod (the env is up), not by something else. */
  ports: { port: number; inUse: boolean; by?: string; wantedBy: string; ours?: boolean }[];
}

export interface DiskFacts {
  mounts: { label: 'engine storage' | 'temp' | 'state'; path: string; freeBytes: number; totalBytes: number }[];
}

export interface MemoryFacts {
  totalBytes: number;
  availableBytes: number;
}

export interface PodFacts {
  name: string;
  /** The suite cluster the pod runs on, when the evidence covers several (a multi-cluster suite). */
  cluster?: string;
  phase: string;
  ready: boolean;
  restarts: number;
  /** Waiting / terminated reasons, e.g. CrashLoopBackOff, ErrImagePull, OOMKilled, `exit 2`. */
  reasons: string[];
  images: string[];
  events: string[];
  logTail: string[];
}

export interface WorkloadFacts {
  pods: PodFacts[];
  /** Warning events of controllers (not pods), `Kind/name Reason: message`: e.g. a ReplicaSet's FailedCreate when no pod could be made. */
  controllerEvents?: string[];
}

export interface KindLogsFacts {
  /** Directory `kind export logs` wrote to (inside the run dir). */
  dir: string;
  /** The last abnormal lines of each node's kubelet, containerd and journal logs (absent: none read). */
  lines?: KindLogLine[];
}

/** One abnormal line of a node's exported log, e.g. `{ file: 'x-control-plane/kubelet.log', text: 'F0223 ...' }`. */
export interface KindLogLine {
  file: string;
  text: string;
}

/** Everything the collectors found; a field is absent when its collector did not apply. */
export interface Evidence {
  collectedAt: number;
  engine?: CollectorRun<EngineFacts>;
  machine?: CollectorRun<MachineFacts>;
  connections?: CollectorRun<ConnectionFacts>;
  clusters?: CollectorRun<ClusterFacts[]>;
  ports?: CollectorRun<PortFacts>;
  disk?: CollectorRun<DiskFacts>;
  memory?: CollectorRun<MemoryFacts>;
  workloads?: CollectorRun<WorkloadFacts>;
  kindLogs?: CollectorRun<KindLogsFacts>;
  /** Collectors that applied but gave no facts; absent when every one answered. */
  missing?: MissingEvidence[];
}

/** What the rules read besides evidence: the run's journal and the tails of its step logs. */
export interface RunFacts {
  runId?: string;
  command?: string;
  events: TarmacEvent[];
  /** Last lines of each step's log, by step id. */
  stepLogs: Record<string, string[]>;
  /** The env's shape, for rules that name things: cluster name, target, kind config, configured ports. */
  env?: { name: string; clusterName: string; target: 'kind' | 'podman'; kindConfig?: string; registryUrl?: string };
  /**
   * An error the command threw past the journal (e.g. a cluster creation error that escaped `up`): the journal
   * then only has `run.finished` failed, and this is what the user saw.
   */
  thrown?: EventError;
}

export interface TriageInput {
  evidence: Evidence;
  run: RunFacts;
}

/** An infrastructure marker family (rules/infra-markers.ts holds the patterns). */
export type MarkerId =
  | 'dns'
  | 'proxy'
  | 'tls'
  | 'clock'
  | 'rate-limit'
  | 'registry-auth'
  | 'permission'
  | 'port-in-use'
  | 'no-space'
  | 'connection-refused'
  | 'network'
  | 'timeout'
  | 'file-limits'
  | 'memory'
  | 'quota'
  | 'rbac'
  | 'crash';

/** A rule's finding. Confidence 0..1: 0.9+ only when the signature is unambiguous. */
export interface Match {
  confidence: number;
  /** One sentence: what happened and why. */
  summary: string;
  /** The evidence lines behind the verdict, quoted from evidence or journal (`source: text`). */
  evidence: string[];
  /** Exact commands (or one-line instructions) that fix or confirm it. */
  actions: string[];
  /**
   * The infrastructure markers (rules/infra-markers.ts) this verdict accounts for. A marker found in the failure's
   * output that the verdict does not explain lowers its confidence (diagnose) and is listed in `unexplained`.
   */
  explains?: MarkerId[];
}

/** One failure mode: research-kubernaut.md §3 / research-kind-podman.md §B numbers in `refs`. */
export interface Rule {
  id: string;
  title: string;
  refs: string[];
  match(input: TriageInput): Match | undefined;
}

export interface Verdict extends Match {
  ruleId: string;
  title: string;
  /** Abnormal evidence this verdict does not explain (quoted lines); present only when some is left. */
  unexplained?: string[];
}

/** No verdict: what looks abnormal and where to look further. */
export interface Unclassified {
  summary: string;
  abnormal: string[];
  /** Commands that show more (step logs, events, engine and cluster state). */
  commands?: string[];
  /** The most similar public report of a known cause, when one is alike enough (similar/similar-lead.ts). */
  resembles?: Resemblance;
}

/** A public report whose output resembles the failure's: a lead to read, not a verdict. */
export interface Resemblance {
  url: string;
  /** The category the report's maintainers or reporter established (the corpus's categories). */
  category: string;
  cause: string;
  /** Cosine similarity of the two outputs' words, 0..1, two decimals. */
  similarity: number;
}

export type ComponentStatus = 'ok' | 'degraded' | 'down' | 'absent' | 'unknown';

/** One row of the infrastructure status table (the seed triage's first table). */
export interface ComponentRow {
  component: string;
  status: ComponentStatus;
  evidence: string;
}

/** The whole triage: stored as triage.json, rendered as triage.md and in the reports. */
export interface TriageResult {
  runId?: string;
  generatedAt: number;
  durationMs: number;
  status: ComponentRow[];
  /** Ranked: highest confidence first. Empty when nothing matched. */
  verdicts: Verdict[];
  /** Present when no rule matched: what looks abnormal, and the commands to look further. */
  unclassified?: Unclassified;
  collectors: {
    name: string;
    ok: boolean;
    timedOut: boolean;
    durationMs: number;
    error?: string;
    attempts?: number;
  }[];
}
