// What the parts of the kind target share: the cluster, its tools, its record and its settings.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { ClusterRecords } from './cluster-record.js';
import type { KindTools } from './kind-tools.js';
import type { NodeImageCache } from './node-image-cache.js';

/** The label kind puts on every node container: io.x-k8s.kind.cluster=<cluster>. */
export const CLUSTER_LABEL = 'io.x-k8s.kind.cluster';
/** The node's role: control-plane, worker or external-load-balancer. */
export const ROLE_LABEL = 'io.x-k8s.kind.role';

export interface KindDeps {
  env: Env;
  name: string;
  engine: ContainerEngine;
  tools: KindTools;
  records: ClusterRecords;
  stateDir: string;
  runId: string;
  kubeconfig: string;
  createTimeoutMs: number;
  tarmacVersion: string;
  /** This command's reading of which images the nodes hold (node-image-cache.ts). */
  nodeImages: NodeImageCache;
  /** Waits between attempts; injectable so unit tests do not sleep. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}
