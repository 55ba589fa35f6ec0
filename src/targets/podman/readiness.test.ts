// The prober's timing: initialDelaySeconds honoured, results cached per container run for the
// (capped) period, a restart probes afresh.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import type { ContainerRecord } from './inspect.js';
import type { ReadinessProbe } from './pod-spec.js';
import { podmanCli } from './podman-cli.js';
import { MAX_PROBE_PERIOD_MS, ReadinessProber } from './readiness.js';

const started = '2026-01-01T00:00:00.000Z';
const t0 = Date.parse(started);
const container: ContainerRecord = {
  id: 'c1',
  name: 'p-web',
  image: 'i',
  podId: 'p',
  labels: {},
  status: 'running',
  exitCode: 0,
  oomKilled: false,
  error: '',
  startedAt: started,
  restartCount: 0,
  restartPolicy: 'always',
  hostPorts: {},
};
const probe: ReadinessProbe = {
  action: { type: 'exec', command: ['/bin/true'] },
  initialDelaySeconds: 5,
  periodSeconds: 10,
  timeoutSeconds: 1,
};

function setup() {
  let now = t0;
  let exit = 1;
  const runner = fakeRunner(() => ({ exitCode: exit }));
  const prober = new ReadinessProber(podmanCli(createPodmanEngine(runner)), () => now);
  return { prober, runner, setNow: (ms: number) => (now = t0 + ms), setExit: (code: number) => (exit = code) };
}

describe('ReadinessProber', () => {
  it('does not probe before initialDelaySeconds, nor a container that is not running', async () => {
    const { prober, runner, setNow } = setup();
    setNow(4_000);
    expect(await prober.check(container, probe)).toEqual({ ready: false });
    expect(await prober.check({ ...container, status: 'exited' }, probe)).toEqual({ ready: false });
    expect(await prober.check(container, undefined)).toBeUndefined();
    expect(runner.calls).toHaveLength(0);
  });

  it('reuses a result within the capped period, probes again after it and after a restart', async () => {
    const { prober, runner, setNow, setExit } = setup();
    setNow(5_000);
    expect((await prober.check(container, probe))?.ready).toBe(false);
    setExit(0);
    setNow(5_000 + MAX_PROBE_PERIOD_MS - 1);
    expect((await prober.check(container, probe))?.ready).toBe(false);
    expect(runner.calls).toHaveLength(1);
    setNow(5_000 + MAX_PROBE_PERIOD_MS);
    expect(await prober.check(container, probe)).toEqual({ ready: true });
    setExit(1);
    const restarted = { ...container, startedAt: new Date(t0 + 1_000).toISOString() };
    setNow(7_000);
    expect((await prober.check(restarted, probe))?.ready).toBe(false);
    expect(runner.calls).toHaveLength(3);
  });
});
