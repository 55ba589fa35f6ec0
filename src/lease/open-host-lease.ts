// Where a run finds the host-wide lease of its engine, and how the environment variables tune it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerEngine } from '../engines/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { EventBus } from '../events/bus.js';
import type { HostGate } from '../orchestrate/scheduler-types.js';
import { openEngineLease } from './engine-lease.js';
import type { LeaseRow } from './engine-lease.js';
import { hostGate } from './host-gate.js';

/** What a command knows when it opens the lease. */
export interface HostLeaseOptions {
  engine: ContainerEngine;
  processEnv: NodeJS.ProcessEnv;
  bus: EventBus;
  /** The env's name, shown to other runs that wait. */
  envName: string;
  /** This run's engine capacity (the host capacity defaults to the largest one among the live runs). */
  capacity: number;
}

/** An open lease: pass `gate` to the scheduler, close it when the command ends. */
export interface HostLease {
  gate: HostGate;
  /** The lease file, for messages. */
  path: string;
  close(): void;
}

/** Opens the engine's host-wide lease; undefined when TARMAC_HOST_LEASE=off. */
export function openHostLease(options: HostLeaseOptions): HostLease | undefined {
  const { processEnv: e, bus } = options;
  if (e.TARMAC_HOST_LEASE === 'off') return undefined;
  const hostCapacity = parseHostCapacity(e.TARMAC_HOST_CAPACITY);
  const lease = openEngineLease({
    dir: leaseDir(e),
    engineKey: engineKey(options.engine, e),
    capacity: options.capacity,
    ...(hostCapacity === undefined ? {} : { hostCapacity }),
    runId: bus.runId,
    env: options.envName,
    onReclaim: (rows) => bus.emit({ type: 'decision', message: reclaimMessage(rows) }),
  });
  // Reclaims (and reports) the units of runs that died, right at the start rather than at the first wait.
  lease.inUse();
  return { gate: hostGate(lease, bus), path: lease.path, close: () => lease.close() };
}

/** TARMAC_LEASE_DIR, else `$XDG_RUNTIME_DIR/tarmac-leases` (per user, cleared at logout), else a per-user folder in the temp dir. */
export function leaseDir(e: NodeJS.ProcessEnv): string {
  if (e.TARMAC_LEASE_DIR) return e.TARMAC_LEASE_DIR;
  if (e.XDG_RUNTIME_DIR) return join(e.XDG_RUNTIME_DIR, 'tarmac-leases');
  return join(tmpdir(), `tarmac-leases-${process.getuid?.() ?? 'user'}`);
}

/** Identifies the engine endpoint: runs that talk to the same engine (same binary, connection and host variable) share a lease. */
export function engineKey(engine: ContainerEngine, e: NodeJS.ProcessEnv): string {
  const vars =
    engine.name === 'podman' ? ['CONTAINER_HOST', 'CONTAINER_CONNECTION'] : ['DOCKER_HOST', 'DOCKER_CONTEXT'];
  const endpoint = vars.map((v) => `${v}=${engine.env[v] ?? e[v] ?? ''}`);
  return [engine.name, ...(engine.endpoint === '' ? [] : [engine.endpoint]), ...endpoint].join(' ');
}

/** TARMAC_HOST_CAPACITY: a positive integer, or unset. */
export function parseHostCapacity(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1) return n;
  throw new TarmacError(
    'INVALID_HOST_CAPACITY',
    `Expected TARMAC_HOST_CAPACITY to be a positive integer, got \`${raw}\``,
    {
      exitCode: ExitCode.usage,
      hint: 'Set TARMAC_HOST_CAPACITY to the engine units all tarmac runs on this host may use together (e.g. 2), or unset it.',
    },
  );
}

/** "reclaimed 2 engine units held by tarmac pid 41 (env shop, run r1: build:api), which is no longer running". */
export function reclaimMessage(rows: LeaseRow[]): string {
  const units = rows.reduce((sum, r) => sum + r.units, 0);
  const byPid = new Map<number, LeaseRow[]>();
  for (const r of rows) byPid.set(r.pid, [...(byPid.get(r.pid) ?? []), r]);
  const who = [...byPid]
    .map(([pid, rs]) => `pid ${pid} (env ${rs[0]!.env}, run ${rs[0]!.runId}: ${rs.map((r) => r.stepId).join(', ')})`)
    .join('; ');
  return `reclaimed ${units} host engine unit${units === 1 ? '' : 's'} held by tarmac ${who}, no longer running`;
}
