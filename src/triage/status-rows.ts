// One status row per infrastructure component, from one collector's facts (pure). status-table.ts puts them together.
import type {
  ClusterFacts,
  ComponentRow,
  ConnectionFacts,
  DiskFacts,
  EngineFacts,
  MachineFacts,
  MemoryFacts,
  PortFacts,
  WorkloadFacts,
} from './types.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** Bytes for people: `12.3 GiB`, `512 MiB`. */
export function formatBytes(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${Math.round(bytes / MiB)} MiB`;
}

/** The engine: answering, refusing, or hung. */
export function engineRow(e: EngineFacts): ComponentRow {
  if (e.reachable) {
    const mode = e.rootless === undefined ? '' : e.rootless ? ', rootless' : ', rootful';
    return {
      component: 'engine',
      status: 'ok',
      evidence: `${e.name} ${e.version ?? '?'} answered in ${e.probeMs}ms${mode}`,
    };
  }
  return {
    component: 'engine',
    status: 'down',
    evidence: e.hung ? `${e.name} hung: ${e.error ?? 'no answer'}` : `${e.name}: ${e.error ?? 'unreachable'}`,
  };
}

/** The podman machine; "not used" where podman runs natively (Linux). */
export function machineRow(m: MachineFacts): ComponentRow {
  if (!m.exists)
    return {
      component: 'podman machine',
      status: 'absent',
      evidence: 'not used: no podman machine (podman runs natively on this host)',
    };
  const running = m.machines.find((x) => x.state === 'running');
  const shown = running ?? m.machines[0];
  const size = [
    shown?.cpus && `${shown.cpus} CPUs`,
    shown?.memoryMiB && `${shown.memoryMiB} MiB`,
    shown?.diskGiB && `${shown.diskGiB} GiB disk`,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    component: 'podman machine',
    status: running ? 'ok' : 'down',
    evidence: `${shown?.name ?? '?'}: State: ${shown?.state ?? '?'}${size ? ` (${size})` : ''}`,
  };
}

/** Which service the engine is reached through. */
export function connectionRow(c: ConnectionFacts, engine: EngineFacts | undefined): ComponentRow {
  const def = c.connections.find((x) => x.isDefault);
  const via =
    c.hostEnv ?? (def ? `default connection ${def.name} (${def.uri})` : 'local socket (no connection configured)');
  const remote = c.hostEnv !== undefined || def !== undefined;
  const status = engine === undefined ? 'unknown' : engine.reachable || !remote ? 'ok' : 'down';
  return {
    component: 'connection',
    status,
    evidence: status === 'down' ? `${via}: ${engine?.error ?? 'no answer'}` : via,
  };
}

/** The cluster's existence (kind lists it / the podman network exists). */
export function clusterRow(c: ClusterFacts): ComponentRow {
  const foreign = c.listed && !c.createdByTarmac ? ' (not created by tarmac)' : '';
  if (c.target === 'kind') {
    if (c.listed)
      return {
        component: 'kind cluster metadata',
        status: 'ok',
        evidence: `\`kind get clusters\` lists ${c.name}${foreign}`,
      };
    return {
      component: 'kind cluster metadata',
      status: 'absent',
      evidence: `\`kind get clusters\` does not list ${c.name}`,
    };
  }
  return c.listed
    ? { component: 'podman network', status: 'ok', evidence: `network ${c.name} exists${foreign}` }
    : { component: 'podman network', status: 'absent', evidence: `network ${c.name} does not exist` };
}

/** The node containers (kind) or pods (podman). */
export function nodesRow(c: ClusterFacts): ComponentRow {
  const component = c.target === 'kind' ? 'kind node container' : 'pods';
  if (c.nodes.length === 0) {
    if (c.target === 'kind' && c.listed)
      return {
        component,
        status: 'down',
        evidence: `no node container labelled io.x-k8s.kind.cluster=${c.name} (\`podman ps -a\` shows none)`,
      };
    return { component, status: 'absent', evidence: c.target === 'kind' ? 'no node containers' : 'no pods' };
  }
  const bad = c.nodes.filter((n) => n.state !== 'running' && n.state !== 'Running');
  const describe = (n: ClusterFacts['nodes'][number]) =>
    `${n.name}: ${n.state}${n.exitCode === undefined ? '' : ` (exit ${n.exitCode})`}`;
  if (bad.length === 0) return { component, status: 'ok', evidence: c.nodes.map(describe).join(', ') };
  // A pod that is not running is replaced by the next apply; a kind node that is not running is a dead cluster.
  return {
    component,
    status: c.target === 'kind' ? 'down' : 'degraded',
    evidence: `NOT running: ${bad.map(describe).join(', ')}`,
  };
}

/** The API server of a kind cluster. */
export function apiRow(c: ClusterFacts): ComponentRow {
  if (!c.api) return { component: 'API server', status: 'absent', evidence: 'not checked: the cluster does not exist' };
  const where = c.api.url ? ` (${c.api.url})` : '';
  return { component: 'API server', status: c.api.ok ? 'ok' : 'down', evidence: `${c.api.detail}${where}` };
}

/** Host ports the env maps. */
export function portsRow(p: PortFacts): ComponentRow {
  if (p.ports.length === 0) return { component: 'host ports', status: 'ok', evidence: 'no host ports mapped' };
  const taken = p.ports.filter((x) => x.inUse && !x.ours);
  if (taken.length > 0)
    return {
      component: 'host ports',
      status: 'down',
      evidence: taken
        .map((x) => `${x.port} in use by ${x.by ?? 'another process'} (wanted by ${x.wantedBy})`)
        .join('; '),
    };
  return {
    component: 'host ports',
    status: 'ok',
    evidence: p.ports.map((x) => `${x.port} ${x.inUse ? 'held by the env' : 'free'}`).join(', '),
  };
}

/** One row per measured mount. */
export function diskRows(d: DiskFacts): ComponentRow[] {
  return d.mounts.map((m) => {
    const ratio = m.totalBytes > 0 ? m.freeBytes / m.totalBytes : 0;
    const status =
      m.freeBytes < GiB || ratio < 0.02 ? 'down' : m.freeBytes < 5 * GiB || ratio < 0.1 ? 'degraded' : 'ok';
    return {
      component: `disk (${m.label})`,
      status,
      evidence: `${formatBytes(m.freeBytes)} free of ${formatBytes(m.totalBytes)} at ${m.path}`,
    };
  });
}

/** Host memory. */
export function memoryRow(m: MemoryFacts): ComponentRow {
  const ratio = m.totalBytes > 0 ? m.availableBytes / m.totalBytes : 0;
  const status = m.availableBytes < 256 * MiB ? 'down' : m.availableBytes < GiB || ratio < 0.1 ? 'degraded' : 'ok';
  return {
    component: 'memory',
    status,
    evidence: `${formatBytes(m.availableBytes)} available of ${formatBytes(m.totalBytes)}`,
  };
}

/** The env's workloads. */
export function workloadsRow(w: WorkloadFacts): ComponentRow {
  if (w.pods.length === 0) return { component: 'workloads', status: 'absent', evidence: 'no pods' };
  const failing = w.pods.filter((p) => !p.ready && p.phase !== 'Succeeded');
  if (failing.length === 0)
    return {
      component: 'workloads',
      status: 'ok',
      evidence: `${w.pods.length} pod${w.pods.length === 1 ? '' : 's'} ready`,
    };
  const describe = (p: WorkloadFacts['pods'][number]) =>
    `${p.cluster ? `${p.cluster}/` : ''}${p.name}: ${p.reasons.join(', ') || p.phase}${p.restarts > 0 ? ` (${p.restarts} restarts)` : ''}`;
  return {
    component: 'workloads',
    status: 'down',
    evidence: `${failing.length} of ${w.pods.length} not ready: ${failing.slice(0, 3).map(describe).join('; ')}`,
  };
}
