// The evidence a target gives triage (see evidence.ts): the interface each target folder implements.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { CommandResult, CommandRunner } from '../exec/types.js';
import type { ClusterFacts, WorkloadFacts } from '../triage/types.js';

/** Where a target's evidence calls leave their raw output (triage's RawLog). */
export interface EvidenceLog {
  note(text: string): void;
  result(result: CommandResult): void;
}

/** What every evidence call gets. */
export interface EvidenceDeps {
  env: Env;
  engine: ContainerEngine;
  runner: CommandRunner;
  log: EvidenceLog;
  signal: AbortSignal;
}

/** A host port the env needs. */
export interface WantedPort {
  port: number;
  /** Address it is bound on (kind's listenAddress; 127.0.0.1 otherwise). */
  address: string;
  wantedBy: string;
  /** Name prefix of the container or pod that legitimately holds it while the env is up. */
  owner: string;
}

/** One target's evidence; every call records what it ran in `deps.log`. */
export interface TargetEvidence {
  /** The env's cluster (kind) or network and pods (podman), with its nodes and, where there is one, its API. */
  cluster(deps: EvidenceDeps): Promise<ClusterFacts>;
  /** Every pod of the env; failing ones with reasons, events and log tails. */
  workloads(deps: EvidenceDeps): Promise<WorkloadFacts>;
  /** The host ports the env wants; a config or state file that cannot be read gives none. */
  wantedPorts(env: Env): Promise<WantedPort[]>;
  /** Exports the cluster's own logs into `dir` (`kind export logs`); absent for a target without such logs. */
  exportLogs?(deps: EvidenceDeps, dir: string): Promise<void>;
}
