// Kubernetes-shaped data that the deploy step passes between rendering, targets and the readiness classifier.

/** A parsed Kubernetes object (only the fields tarmac reads are typed). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

/** One manifest document with where it came from, for error messages. */
export interface SourcedObject {
  object: KubeObject;
  /** File path relative to the config directory, and the document's first line there. */
  file: string;
  line: number;
}

/** A deploy group ready to apply: objects with image references substituted. */
export interface RenderedGroup {
  name: string;
  objects: SourcedObject[];
  /** Workloads whose readiness the step waits for. */
  waitFor: WorkloadRef[];
  /** Logical image names this group uses (so its deploy step depends on their delivery). */
  images: string[];
}

export interface WorkloadRef {
  kind: string;
  name: string;
  namespace?: string;
  /** A `wait` entry's status condition (e.g. Established, Available); undefined: the workload's readiness. */
  condition?: string;
}

/** Where an object's status condition stands, as a target reads it (`kubectl get` on a cluster). */
export interface ConditionReading {
  /** True: met; False/Unknown: not yet; absent: the object does not exist (yet). */
  status: 'True' | 'False' | 'Unknown' | 'absent';
  /** The condition's reason and message, or why a target treats it as met (e.g. no effect without a cluster). */
  detail: string;
}

/** A container's state, in the Kubernetes ContainerStatus shape (podman targets map theirs into it). */
export interface ContainerView {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state: ContainerStateView;
  lastState?: ContainerStateView;
  /** Last log lines, when the target could read them (for CrashLoopBackOff evidence). */
  logTail?: string[];
}

export type ContainerStateView =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt?: string } }
  | { terminated: { exitCode: number; reason?: string; message?: string } }
  | Record<string, never>;

/** A pod as the readiness classifier sees it, whatever the target. */
export interface PodView {
  name: string;
  /** The workload it belongs to, e.g. Deployment/datastorage. */
  owner?: WorkloadRef;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** Pod-level reason and message, set when the node gave up on the pod (e.g. Evicted). */
  reason?: string;
  message?: string;
  /** The pod's restart policy (Kubernetes default: Always); with Never a failed container fails the pod for good. */
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  conditions: { type: string; status: 'True' | 'False' | 'Unknown'; reason?: string; message?: string }[];
  containers: ContainerView[];
  /** Init containers, in order; a failing one blocks the pod before its containers start. */
  initContainers?: ContainerView[];
  /** Recent events about the pod (reason: message), newest last. */
  events?: { reason: string; message: string; type?: 'Normal' | 'Warning' }[];
}

/** What the classifier concludes about one pod. */
export interface PodVerdict {
  pod: string;
  state: 'ready' | 'waiting' | 'failed';
  /** Machine-readable reason: ImagePullBackOff, ErrImagePull, CrashLoopBackOff, Unschedulable, ReadinessProbeFailing, Pending, ... */
  reason: string;
  /** One line for people, with the evidence (exit code, probe message, scheduler message). */
  detail: string;
  /** Evidence lines (log tail, events) for reports. */
  evidence: string[];
  /** The exit code of the failing container's last run, when it crashed (CrashLoopBackOff, ContainerFailed, Restarting). */
  exitCode?: number;
}
