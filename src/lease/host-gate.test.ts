import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus.js';
import type { Step } from '../plan/types.js';
import { openEngineLease } from './engine-lease.js';
import type { EngineLease } from './engine-lease.js';
import { hostGate, waitLine } from './host-gate.js';

let dir: string;
const open: EngineLease[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-gate-'));
});
afterEach(() => {
  for (const l of open.splice(0)) l.close();
  rmSync(dir, { recursive: true, force: true });
});

const lease = (runId: string, env: string): EngineLease => {
  const l = openEngineLease({
    dir,
    engineKey: 'podman gate-test',
    capacity: 2,
    hostCapacity: 2,
    runId,
    env,
    releaseOnExit: false,
  });
  open.push(l);
  return l;
};
const step = (id: string, engine: number): Step => ({
  id,
  kind: 'build',
  subject: id,
  deps: [],
  claims: { engine },
  estimateMs: 1000,
  priority: 0,
  timeoutMs: 60_000,
  stallMs: 60_000,
  retry: 'infra-only',
  cached: false,
});
const never = new AbortController().signal;

describe('hostGate', () => {
  it('lets steps that claim no engine units through without touching the lease', () => {
    const gate = hostGate(lease('r1', 'shop'), new EventBus('r1'));
    expect(gate(step('deploy:app', 0), { signal: never, output: () => undefined })).toBeUndefined();
  });

  it('says whom a step waits for (a decision once, output lines on change), then gives the units back on release', async () => {
    const other = lease('r-other', 'cart');
    const held = await other.acquire(2, 'build:db', never);
    const bus = new EventBus('r1');
    const mine = lease('r1', 'shop');
    const lines: string[] = [];
    const waiting = hostGate(mine, bus)(step('build:api', 1), { signal: never, output: (l) => lines.push(l) })!;
    await until(() => lines.length > 0);
    expect(lines[0]).toBe(
      `waiting for the engine: 2 of 2 units in use by other tarmac runs (pid ${process.pid} env cart: build:db 2)`,
    );
    held.release();
    const release = await waiting;
    expect(lines.at(-1)).toBe('engine lease granted: 1 unit of 2');
    const decisions = bus.history.flatMap((e) => (e.type === 'decision' ? [e.message] : []));
    expect(decisions).toEqual([
      `build:api waits for the host engine lease: 2 of 2 units in use by other tarmac runs (pid ${process.pid} env cart: build:db 2)`,
    ]);
    expect(other.inUse()).toBe(1);
    release();
    expect(other.inUse()).toBe(0);
  });

  it('rejects with a cancellation when the run is cancelled while the step waits', async () => {
    const other = lease('r-other', 'cart');
    await other.acquire(2, 'build:db', never);
    const cancel = new AbortController();
    const waiting = hostGate(lease('r1', 'shop'), new EventBus('r1'))(step('build:api', 2), {
      signal: cancel.signal,
      output: () => undefined,
    })!;
    cancel.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('waitLine', () => {
  const row = (runId: string, pid: number, stepId: string, units: number) => ({
    id: 1,
    memberId: 1,
    pid,
    runId,
    env: `env-${runId}`,
    stepId,
    units,
    at: 0,
  });

  it('separates this run from the others', () => {
    const line = waitLine(
      {
        capacity: 3,
        inUse: 3,
        queued: [],
        waitedMs: 0,
        holders: [row('a', 7, 'build:x', 1), row('a', 7, 'build:y', 1), row('me', 9, 'build:z', 1)],
      },
      'me',
    );
    expect(line).toBe(
      'waiting for the engine: 3 of 3 units in use by other tarmac runs (pid 7 env env-a: build:x 1, build:y 1) and this run (build:z 1)',
    );
  });

  it('names the requests queued first when the units would fit', () => {
    const line = waitLine(
      {
        capacity: 2,
        inUse: 0,
        waitedMs: 0,
        holders: [],
        queued: [row('b', 8, 'build:left', 1), row('me', 9, 'build:mine', 2), row('c', 5, 'build:c', 1)],
      },
      'me',
    );
    expect(line).toBe(
      'waiting for the engine: 0 of 2 units in use; queued behind other tarmac runs (pid 8 env env-b: build:left 1; pid 5 env env-c: build:c 1) and this run (build:mine 2)',
    );
  });
});

// Polls until `condition` holds (fails the test after 10 s).
async function until(condition: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
