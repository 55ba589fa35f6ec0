import { describe, expect, it } from 'vitest';
import { statusTable, unhealthyRows } from './status-table.js';
import type { CollectorRun, Evidence } from './types.js';

function ok<T>(name: string, data: T): CollectorRun<T> {
  return { name, ok: true, timedOut: false, durationMs: 5, data, raw: '' };
}

const GiB = 2 ** 30;
const healthyHost: Evidence = {
  collectedAt: 0,
  engine: ok('engine', {
    name: 'podman',
    reachable: true,
    hung: false,
    probeMs: 80,
    version: '4.3.1',
    rootless: false,
  }),
  machine: ok('machine', { exists: false, machines: [] }),
  connections: ok('connections', { connections: [] }),
  disk: ok('disk', {
    mounts: [
      { label: 'engine storage', path: '/var/lib/containers/storage', freeBytes: 80 * GiB, totalBytes: 250 * GiB },
      { label: 'temp', path: '/tmp', freeBytes: 80 * GiB, totalBytes: 250 * GiB },
    ],
  }),
  memory: ok('memory', { totalBytes: 24 * GiB, availableBytes: 20 * GiB }),
};

describe('statusTable', () => {
  it('a healthy host without a config: engine, machine (not used), connection, disk, memory', () => {
    const rows = statusTable(healthyHost);
    expect(rows.map((r) => [r.component, r.status])).toEqual([
      ['engine', 'ok'],
      ['podman machine', 'absent'],
      ['connection', 'ok'],
      ['disk (engine storage)', 'ok'],
      ['disk (temp)', 'ok'],
      ['memory', 'ok'],
    ]);
    expect(rows[0]?.evidence).toBe('podman 4.3.1 answered in 80ms, rootful');
    expect(unhealthyRows(rows)).toEqual([]);
  });

  it("the seed's case: machine running, kind lists the cluster, no node container, API refused", () => {
    const rows = statusTable({
      ...healthyHost,
      machine: ok('machine', {
        exists: true,
        machines: [{ name: 'podman-machine-default', state: 'running', memoryMiB: 12800 }],
      }),
      clusters: ok('clusters', [
        {
          target: 'kind',
          name: 'aianalysis-e2e',
          listed: true,
          createdByTarmac: true,
          nodes: [],
          api: {
            url: 'https://127.0.0.1:52086',
            ok: false,
            detail:
              'The connection to the server 127.0.0.1:52086 was refused - did you specify the right host or port?',
          },
        },
      ]),
    });
    const byName = Object.fromEntries(rows.map((r) => [r.component, r]));
    expect(byName['podman machine']).toMatchObject({
      status: 'ok',
      evidence: 'podman-machine-default: State: running (12800 MiB)',
    });
    expect(byName['kind cluster metadata']).toMatchObject({
      status: 'ok',
      evidence: '`kind get clusters` lists aianalysis-e2e',
    });
    expect(byName['kind node container']).toMatchObject({ status: 'down' });
    expect(byName['kind node container']?.evidence).toContain('`podman ps -a` shows none');
    expect(byName['API server']).toMatchObject({ status: 'down' });
    expect(byName['API server']?.evidence).toContain('127.0.0.1:52086 was refused');
    expect(unhealthyRows(rows).map((r) => r.component)).toEqual(['kind node container', 'API server']);
  });

  it('a stopped node shows its state and exit code', () => {
    const rows = statusTable({
      ...healthyHost,
      clusters: ok('clusters', [
        {
          target: 'kind',
          name: 'c',
          listed: true,
          createdByTarmac: true,
          nodes: [{ name: 'c-control-plane', state: 'exited', exitCode: 137 }],
        },
      ]),
    });
    expect(rows.find((r) => r.component === 'kind node container')).toEqual({
      component: 'kind node container',
      status: 'down',
      evidence: 'NOT running: c-control-plane: exited (exit 137)',
    });
  });

  it('before the first up the cluster is absent, which is not unhealthy', () => {
    const rows = statusTable({
      ...healthyHost,
      clusters: ok('clusters', [
        { target: 'podman', name: 'tarmac-x', listed: false, createdByTarmac: false, nodes: [] },
      ]),
      workloads: ok('workloads', { pods: [] }),
    });
    expect(rows.filter((r) => r.status === 'absent').map((r) => r.component)).toEqual([
      'podman machine',
      'podman network',
      'pods',
      'workloads',
    ]);
    expect(unhealthyRows(rows)).toEqual([]);
  });

  it('an unreachable engine is down with its own error; a hung one says hung; a failed collector is unknown', () => {
    const refused = statusTable({
      ...healthyHost,
      engine: ok('engine', {
        name: 'podman',
        reachable: false,
        hung: false,
        probeMs: 20,
        error: 'unable to connect to Podman socket: connection refused',
      }),
      connections: ok('connections', { connections: [], hostEnv: 'CONTAINER_HOST=unix:///dead.sock' }),
    });
    expect(refused[0]).toEqual({
      component: 'engine',
      status: 'down',
      evidence: 'podman: unable to connect to Podman socket: connection refused',
    });
    expect(refused[2]).toMatchObject({ component: 'connection', status: 'down' });
    const hung = statusTable({
      ...healthyHost,
      engine: { name: 'engine', ok: false, timedOut: true, durationMs: 6000, raw: '', error: 'no answer within 6.0s' },
    });
    expect(hung[0]).toEqual({ component: 'engine', status: 'down', evidence: 'hung: no answer within 6.0s' });
    const failed = statusTable({
      ...healthyHost,
      memory: { name: 'memory', ok: false, timedOut: false, durationMs: 1, raw: '', error: 'EACCES' },
    });
    expect(failed.at(-1)).toEqual({ component: 'memory', status: 'unknown', evidence: 'collector failed: EACCES' });
  });

  it('low disk and a port held by another process are down; a crash-looping pod too', () => {
    const rows = statusTable({
      ...healthyHost,
      disk: ok('disk', {
        mounts: [{ label: 'temp', path: '/tmp', freeBytes: 50 * 2 ** 20, totalBytes: 64 * 2 ** 20 }],
      }),
      ports: ok('ports', {
        ports: [{ port: 8080, inUse: true, by: 'python3 (pid 7)', wantedBy: 'kind extraPortMappings', ours: false }],
      }),
      clusters: ok('clusters', [
        {
          target: 'podman',
          name: 'tarmac-x',
          listed: true,
          createdByTarmac: true,
          nodes: [{ name: 'tarmac-x-api', state: 'Running' }],
        },
      ]),
      workloads: ok('workloads', {
        pods: [
          {
            name: 'tarmac-x-api',
            phase: 'Running',
            ready: false,
            restarts: 4,
            reasons: ['CrashLoopBackOff', 'exit 2'],
            images: [],
            events: [],
            logTail: [],
          },
        ],
      }),
    });
    const byName = Object.fromEntries(rows.map((r) => [r.component, r]));
    expect(byName['disk (temp)']).toEqual({
      component: 'disk (temp)',
      status: 'down',
      evidence: '50 MiB free of 64 MiB at /tmp',
    });
    expect(byName['host ports']?.evidence).toBe('8080 in use by python3 (pid 7) (wanted by kind extraPortMappings)');
    expect(byName.workloads).toEqual({
      component: 'workloads',
      status: 'down',
      evidence: '1 of 1 not ready: tarmac-x-api: CrashLoopBackOff, exit 2 (4 restarts)',
    });
  });
});
