// The typed facts an error may carry beside its message: what triage reads, so no rule parses tarmac's own words.
// The journal carries them in `step.finished`'s error (src/journal/protocol.ts checks the shape).

/** A workload a deploy step waited for and that was not ready when the step gave up, as the classifier saw it. */
export interface WorkloadFact {
  /** `Deployment/api`, or `Deployment/api (ns)`. */
  workload: string;
  state: 'waiting' | 'failed';
  /** The readiness classifier's reason: CrashLoopBackOff, ContainerFailed, Restarting, ErrImagePull, ... */
  reason: string;
  /** The pod the reason comes from. */
  pod?: string;
  /** The non-zero exit code of the container's last run (a crash), when it ran and exited. */
  exitCode?: number;
}

/** How a failed build ended: the instruction it failed at and how the build command ended. */
export interface BuildFact {
  /** The last instruction that started, as the builder printed it (`STEP 2/4: RUN make`). */
  instruction?: string;
  exitCode?: number;
  signal?: string;
  timedOut: boolean;
}

/**
 * One typed fact per kind of failure that needs one:
 * - `workloads`: the deploy's readiness wait gave up (DEPLOY_FAILED, DEPLOY_TIMEOUT);
 * - `build`: a build instruction failed (BUILD_FAILED);
 * - `image-pull`: the engine could not pull image `ref` (whatever the code: the engine may be why);
 * - `registry`: the registry at `host` (host[:port]) refused or failed the request (REGISTRY_AUTH);
 * - `other-checkout`: `what` (a network, pod or kind cluster) of the env belongs to another checkout of the project,
 *   at `checkout` when its labels say (ENV_OTHER_CHECKOUT).
 */
export type ErrorFact =
  | { type: 'workloads'; workloads: WorkloadFact[] }
  | ({ type: 'build' } & BuildFact)
  | { type: 'image-pull'; ref: string }
  | { type: 'registry'; host: string }
  | { type: 'other-checkout'; what: string; checkout?: string };

/** How a build command ended, for people: `exited 1`, `exited SIGKILL`, `timed out`. */
export function buildOutcome(fact: BuildFact): string {
  return fact.timedOut ? 'timed out' : `exited ${fact.exitCode ?? fact.signal ?? 'abnormally'}`;
}
