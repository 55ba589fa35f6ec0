// The infrastructure status table (the seed triage's first table): one row per component, with one line of
// evidence each. Pure: reads the Evidence, nothing else.
import {
  apiRow,
  clusterRow,
  connectionRow,
  diskRows,
  engineRow,
  machineRow,
  memoryRow,
  nodesRow,
  portsRow,
  workloadsRow,
} from './status-rows.js';
import { missingFact } from './missing-evidence.js';
import type { CollectorRun, ComponentRow, Evidence } from './types.js';

/** The component rows for the evidence; a collector that did not apply gives no row, one that failed an `unknown` row. */
export function statusTable(evidence: Evidence): ComponentRow[] {
  const rows: ComponentRow[] = [];
  const engineFacts = evidence.engine?.data;
  add(
    rows,
    evidence.engine,
    'engine',
    (e) => [engineRow(e)],
    (run) =>
      run.timedOut ? { component: 'engine', status: 'down', evidence: `hung: ${run.error ?? 'no answer'}` } : undefined,
  );
  if (evidence.machine) add(rows, evidence.machine, 'podman machine', (m) => [machineRow(m)]);
  else if (engineFacts?.name === 'docker')
    rows.push({ component: 'podman machine', status: 'absent', evidence: 'not used (the engine is docker)' });
  add(rows, evidence.connections, 'connection', (c) => [connectionRow(c, engineFacts)]);
  // A collector that failed because the engine is down says so, instead of repeating the engine's error.
  const engineDown = engineFacts !== undefined && !engineFacts.reachable;
  add(
    rows,
    evidence.clusters,
    'cluster',
    (clusters) => clusters.flatMap((c) => [clusterRow(c), nodesRow(c), ...(c.target === 'kind' ? [apiRow(c)] : [])]),
    undefined,
    engineDown,
  );
  add(rows, evidence.ports, 'host ports', (p) => [portsRow(p)]);
  add(rows, evidence.disk, 'disk', (d) => diskRows(d));
  add(rows, evidence.memory, 'memory', (m) => [memoryRow(m)]);
  add(
    rows,
    evidence.workloads,
    'workloads',
    (w) => {
      // Before the first up there are no pods: not a problem, and not news.
      const clusterMissing = evidence.clusters?.data?.every((c) => !c.listed) ?? false;
      return clusterMissing && w.pods.length === 0
        ? [{ component: 'workloads', status: 'absent', evidence: 'not deployed (no cluster)' }]
        : [workloadsRow(w)];
    },
    undefined,
    engineDown,
  );
  return rows;
}

/** Rows that make an environment unhealthy (for `doctor`'s exit code): down or degraded. */
export function unhealthyRows(rows: readonly ComponentRow[]): ComponentRow[] {
  return rows.filter((r) => r.status === 'down' || r.status === 'degraded');
}

function add<T>(
  rows: ComponentRow[],
  run: CollectorRun<T> | undefined,
  component: string,
  toRows: (data: T) => ComponentRow[],
  onFail?: (run: CollectorRun<T>) => ComponentRow | undefined,
  engineDown = false,
): void {
  if (!run) return;
  if (run.ok && run.data !== undefined) {
    rows.push(...toRows(run.data));
    return;
  }
  rows.push(
    onFail?.(run) ?? {
      component,
      status: 'unknown',
      evidence: engineDown
        ? 'not checked: the engine does not answer'
        : run.timedOut
          ? `collector timed out${retried(run)}: ${run.error ?? 'no detail'}`
          : `collector failed: ${run.error ?? 'no detail'}`,
    },
  );
}

/** `, retried once (11.0s in all)` for a collector that timed out twice (the typed MissingEvidence fact). */
function retried(run: CollectorRun<unknown>): string {
  const fact = missingFact(run);
  return fact.attempts > 1 ? `, retried once (${(fact.budgetMs / 1000).toFixed(1)}s in all)` : '';
}
