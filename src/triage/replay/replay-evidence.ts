// Evidence as the collectors would report it after the case's failure: the engine probe (failing only for an
// engine-probe case), the kind cluster (gone after a failed create), the case's pod, and a healthy host otherwise.
// The node's daemon logs are what the kindLogs collector reads from `kind export logs` of the failed run; nothing
// tarmac's collectors cannot see (the host's own daemons, e.g. dockerd) is added.
import { existsSync } from 'node:fs';
import { readKindLogLines } from '../evidence/kind-log-lines.js';
import { podFacts } from '../evidence/pod-facts.js';
import { engineFacts } from '../evidence/engine.js';
import type { ClusterFacts, CollectorRun, Evidence } from '../types.js';
import type { CorpusCase } from './corpus-case.js';
import { podView } from './replay-pod.js';
import { CLUSTER, HEALTHY, replayLogsDir, type ReplayWorld } from './replay-world.js';

const GIB = 1024 ** 3;

function ran<T>(name: string, data: T): CollectorRun<T> {
  return { name, ok: true, timedOut: false, durationMs: 40, data, raw: '' };
}

/** The evidence of the case; the engine's health comes from tarmac's own probe over the replayed output. */
export async function replayEvidence(c: CorpusCase, world: ReplayWorld): Promise<Evidence> {
  const probe = c.phase === 'engine-probe' ? await world.engine.health(5_000) : HEALTHY;
  const evidence: Evidence = {
    collectedAt: Date.now(),
    engine: ran('engine', engineFacts(world.engine.name, probe, undefined)),
    machine: ran('machine', { exists: false, machines: [] }),
    connections: ran('connections', { connections: [] }),
    ports: ran('ports', { ports: [] }),
    disk: ran('disk', {
      mounts: [
        { label: 'engine storage', path: '/var/lib/containers/storage', freeBytes: 80 * GIB, totalBytes: 200 * GIB },
        { label: 'temp', path: '/var/tmp', freeBytes: 80 * GIB, totalBytes: 200 * GIB },
        { label: 'state', path: world.env.stateDir, freeBytes: 80 * GIB, totalBytes: 200 * GIB },
      ],
    }),
    memory: ran('memory', { totalBytes: 16 * GIB, availableBytes: 9 * GIB }),
  };
  // Collectors that ask the engine or the cluster have nothing to say while the engine does not answer.
  if (!probe.ok) return evidence;
  // A cluster-create case with a pod is a cluster that came up but whose system pods failed (the workloads
  // collector lists every namespace): the cluster stays and its pods are read. Without one kind deleted the nodes.
  const createFailed = c.phase === 'cluster-create' && !c.pod;
  evidence.clusters = ran('clusters', [cluster(createFailed)]);
  if (!createFailed) evidence.workloads = ran('workloads', { pods: c.pod ? [podFacts(podView(c.pod, c.output))] : [] });
  const logs = replayLogsDir(world.env.stateDir);
  if (existsSync(logs)) {
    const lines = readKindLogLines(logs);
    evidence.kindLogs = ran('kindLogs', lines.length > 0 ? { dir: logs, lines } : { dir: logs });
  }
  return evidence;
}

/** The env's kind cluster: after a failed create kind lists nothing (tarmac deleted the nodes it left). */
function cluster(createFailed: boolean): ClusterFacts {
  if (createFailed) return { target: 'kind', name: CLUSTER, listed: false, createdByTarmac: false, nodes: [] };
  return {
    target: 'kind',
    name: CLUSTER,
    listed: true,
    createdByTarmac: true,
    nodes: [{ name: `${CLUSTER}-control-plane`, state: 'running' }],
    api: { url: 'https://127.0.0.1:40123', ok: true, detail: 'ok' },
  };
}
