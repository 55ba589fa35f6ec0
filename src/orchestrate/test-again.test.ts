// `tarmac test` reads the env's health and endpoints from the moment the engine is known (issue 16): testAgain uses
// those reads instead of asking the target again, and a read that failed early is the run's error, never an
// unhandled rejection.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../config/load.js';
import type { Env } from '../config/types.js';
import { EventBus } from '../events/bus.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import type { ClusterState } from '../targets/types.js';
import { writeEnvState } from './env-state.js';
import type { LiveTarget } from './executors/suite-test-target.js';
import { startEnvReads, testAgain } from './test-again.js';

let dir: string;
let env: Env;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-test-again-'));
  writeFileSync(
    join(dir, 'tarmac.yaml'),
    'name: demo\ncluster:\n  target: podman\ntest:\n  command: [node, suite.mjs]\n',
  );
  env = await loadEnv(join(dir, 'tarmac.yaml'));
  writeEnvState(env.stateDir, {
    target: 'podman',
    cluster: 'tarmac-demo',
    runId: 'r0',
    images: {},
    outcome: 'succeeded',
    at: new Date(0).toISOString(),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const healthy: ClusterState = { exists: true, healthy: true, problems: [], nodes: [], createdByTarmac: true };

/** A live target that counts its reads; `status` answers with `state` (or its rejection). */
function liveTarget(state: Promise<ClusterState>) {
  const asked = { status: 0, endpoints: 0 };
  const target: LiveTarget = {
    type: 'podman',
    status: () => (asked.status++, state),
    endpoints: () => (asked.endpoints++, Promise.resolve({ web: 'http://127.0.0.1:4001' })),
    testEnv: () => ({}),
  };
  return { target, asked };
}

function run(target: LiveTarget, reads?: ReturnType<typeof startEnvReads>) {
  const runner = fakeRunner(() => ({ stdout: 'ok\n' }));
  const signal = new AbortController().signal;
  const engine = { name: 'podman' as const, endpoint: '' };
  const result = testAgain({
    env,
    target,
    engine,
    runner,
    bus: new EventBus('r1'),
    signal,
    processEnv: process.env,
    ...(reads ? { reads } : {}),
  });
  return { result, runner };
}

describe('testAgain with the env reads started beside the session', () => {
  it('runs the suite on the endpoints read early, without asking the target again', async () => {
    const { target, asked } = liveTarget(Promise.resolve(healthy));
    const reads = startEnvReads(target, new AbortController().signal);
    const { result, runner } = run(target, reads);
    expect((await result).summary.outcome).toBe('succeeded');
    expect(asked).toEqual({ status: 1, endpoints: 1 });
    expect(runner.calls[0]?.options.env?.TARMAC_SERVICE_WEB).toBe('http://127.0.0.1:4001');
  });

  it('reads them itself when none were started', async () => {
    const { target, asked } = liveTarget(Promise.resolve(healthy));
    expect((await run(target).result).summary.outcome).toBe('succeeded');
    expect(asked).toEqual({ status: 1, endpoints: 1 });
  });

  it('says NOT_UP when the early health read finds the env unhealthy', async () => {
    const { target } = liveTarget(Promise.resolve({ ...healthy, healthy: false }));
    const reads = startEnvReads(target, new AbortController().signal);
    await expect(run(target, reads).result).rejects.toMatchObject({ code: 'NOT_UP' });
  });

  it('makes a health read that failed before anyone waited the run error, not an unhandled rejection', async () => {
    const { target } = liveTarget(Promise.reject(new Error('podman pod ps failed')));
    const reads = startEnvReads(target, new AbortController().signal);
    // A macrotask later: an unhandled rejection would have been reported by now (and failed this test file).
    await new Promise((resolve) => setImmediate(resolve));
    await expect(run(target, reads).result).rejects.toThrow('podman pod ps failed');
  });
});
