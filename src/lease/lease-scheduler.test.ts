import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus.js';
import type { Clock } from '../events/bus.js';
import type { TarmacEvent } from '../events/types.js';
import { draft } from '../plan/plan.test-kit.js';
import { runPlan } from '../orchestrate/scheduler.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { planOf } from '../orchestrate/scheduler.test-kit.js';
import { openEngineLease } from './engine-lease.js';
import type { EngineLease } from './engine-lease.js';
import { hostGate } from './host-gate.js';
import { holdings, peakHostWeight } from './lease.test-kit.js';

let dir: string;
const open: EngineLease[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-lease-sched-'));
});
afterEach(() => {
  for (const l of open.splice(0)) l.close();
  rmSync(dir, { recursive: true, force: true });
});

// One clock for both runs: every event gets a distinct, ordered stamp, so merging the two streams is exact.
let tick = 0;
const sharedClock: Clock = { now: () => ++tick };
// Each step "builds" for a few real milliseconds.
const execute: StepExecutor = async () => {
  await new Promise((r) => setTimeout(r, 15));
  return { state: 'succeeded' };
};

const runWithLease = async (
  runId: string,
  weights: number[],
  hostCapacity: number | undefined,
  capacity = 2,
): Promise<TarmacEvent[]> => {
  const bus = new EventBus(runId, sharedClock);
  const lease = openEngineLease({
    dir,
    engineKey: 'podman sched-test',
    capacity,
    ...(hostCapacity ? { hostCapacity } : {}),
    runId,
    env: runId,
    releaseOnExit: false,
  });
  open.push(lease);
  const plan = planOf(weights.map((w, i) => draft(`build:${runId}-${i}`, [], { claims: { engine: w } })));
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal: new AbortController().signal,
    execute,
    heartbeatMs: 60_000,
    clock: sharedClock,
    hostGate: hostGate(lease, bus),
  });
  expect(summary.outcome).toBe('succeeded');
  return bus.history;
};

describe('two schedulers sharing one host lease', () => {
  it('never hold more than the host capacity together, and every step still runs', async () => {
    const [a, b] = await Promise.all([runWithLease('a', [2, 1, 1, 2, 1], 2), runWithLease('b', [1, 2, 1, 1, 1], 2)]);
    expect(peakHostWeight([a, b]).peak).toBe(2);
    expect(holdings([a, b])).toHaveLength(10);
    // The lease really made someone wait (each run alone would have used its whole capacity of 2).
    const waits = [...a, ...b].filter(
      (e) => e.type === 'decision' && e.message.includes('waits for the host engine lease'),
    );
    expect(waits.length).toBeGreaterThan(0);
  });

  it('without a fixed host capacity, uses the largest capacity of the live runs', async () => {
    const [a, b] = await Promise.all([
      runWithLease('a', [1, 1, 1, 1], undefined, 3),
      runWithLease('b', [1, 1, 1, 1], undefined, 1),
    ]);
    expect(peakHostWeight([a, b]).peak).toBeLessThanOrEqual(3);
  });

  it('lets steps that claim no engine units start without the lease', async () => {
    const bus = new EventBus('z', sharedClock);
    const other = openEngineLease({
      dir,
      engineKey: 'podman sched-test',
      capacity: 1,
      hostCapacity: 1,
      runId: 'holder',
      env: 'holder',
      releaseOnExit: false,
    });
    open.push(other);
    const held = await other.acquire(1, 'build:elsewhere', new AbortController().signal);
    const lease = openEngineLease({
      dir,
      engineKey: 'podman sched-test',
      capacity: 1,
      hostCapacity: 1,
      runId: 'z',
      env: 'z',
      releaseOnExit: false,
    });
    open.push(lease);
    const plan = planOf([draft('deploy:app', [], { kind: 'deploy', claims: { engine: 0 } })]);
    const summary = await runPlan(plan, {
      bus,
      capacity: 1,
      signal: new AbortController().signal,
      execute,
      heartbeatMs: 60_000,
      clock: sharedClock,
      hostGate: hostGate(lease, bus),
    });
    expect(summary.outcome).toBe('succeeded');
    held.release();
  });

  it('cancels a step still waiting for the lease when the run is cancelled, without a step.started', async () => {
    const other = openEngineLease({
      dir,
      engineKey: 'podman sched-test',
      capacity: 2,
      hostCapacity: 2,
      runId: 'holder',
      env: 'holder',
      releaseOnExit: false,
    });
    open.push(other);
    const held = await other.acquire(2, 'build:elsewhere', new AbortController().signal);
    const bus = new EventBus('c', sharedClock);
    const lease = openEngineLease({
      dir,
      engineKey: 'podman sched-test',
      capacity: 2,
      hostCapacity: 2,
      runId: 'c',
      env: 'c',
      releaseOnExit: false,
    });
    open.push(lease);
    const cancel = new AbortController();
    bus.subscribe((e) => {
      if (e.type === 'decision') cancel.abort();
    });
    const summary = await runPlan(planOf([draft('build:x', [], { claims: { engine: 1 } })]), {
      bus,
      capacity: 2,
      signal: cancel.signal,
      execute,
      heartbeatMs: 60_000,
      clock: sharedClock,
      hostGate: hostGate(lease, bus),
    });
    expect(summary.outcome).toBe('cancelled');
    expect(bus.history.filter((e) => e.type === 'step.started')).toEqual([]);
    expect(bus.history.find((e) => e.type === 'step.finished')).toMatchObject({
      stepId: 'build:x',
      state: 'cancelled',
    });
    held.release();
  });
});
