// Triage scenarios per rule, each failure produced for real on podman (podman target): a failing RUN, a failing
// suite, a missing JUnit file, a silent hang, a manifest kube play rejects, a probe that never passes. Each checks
// that the rule is the top verdict of triage.json, with evidence, within 15 s of the failure.
import { execa } from 'execa';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runTarmac } from '../support/tarmac-cli.js';
import { buildBase, expectTop, scenarioProjects, up } from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-real-${process.pid}`;
const BASE = `localhost/tarmac-triage-real-${process.pid}:busybox`;
const { make, removeAll } = scenarioProjects(BASE);

beforeAll(async () => {
  await buildBase(BASE, LABEL);
});
afterAll(async () => {
  await removeAll();
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
});

describe('triage of real failures, one scenario per rule (real podman)', () => {
  it('build-failed: a RUN that exits 1', async () => {
    const { dir } = make('tri-bfail', {
      run: ['RUN ["/bin/busybox", "sh", "-c", "echo missing-config-file >&2; exit 1"]'],
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'build-failed').evidence.join('\n')).toMatch(/missing-config-file/);
  });

  it('tests-failed: the example suite with its services pointing at a closed port (test.env)', async () => {
    const { dir } = make('tri-tfail', {});
    mkdirSync(join(dir, 'e2e'));
    copyFileSync(join(repoRoot, 'examples/aianalysis/e2e/suite.mjs'), join(dir, 'e2e/suite.mjs'));
    const closed = 'http://127.0.0.1:9';
    setTest(dir, {
      command: ['node', 'e2e/suite.mjs'],
      junit: 'e2e-results.xml',
      env: {
        TARMAC_SERVICE_AIANALYSIS: closed,
        TARMAC_SERVICE_DATASTORAGE: closed,
        TARMAC_SERVICE_HOLMESGPT_API: closed,
      },
    });
    const r = await runTarmac(['up', '--plain', '-f', join(dir, 'tarmac.yaml')]);
    expect(r.exitCode, r.all).not.toBe(0);
    expect(expectTop(dir, 'tests-failed').evidence.join('\n')).toMatch(/junit/);
  });

  it('test-harness-error: JUnit configured but never written', async () => {
    const { dir } = make('tri-junit', {});
    setTest(dir, { command: ['node', '-e', 'console.log("ran, wrote nothing")'], junit: 'results.xml' });
    const r = await runTarmac(['up', '--plain', '-f', join(dir, 'tarmac.yaml')]);
    expect(r.exitCode, r.all).not.toBe(0);
    expect(expectTop(dir, 'test-harness-error').evidence.join('\n')).toMatch(/JUNIT_MISSING/);
  });

  it('step-stalled: a RUN that prints nothing and hangs, stopped by timeouts.build', async () => {
    const { dir } = make('tri-stall', {
      run: ['RUN ["/bin/busybox", "sleep", "3600"]'],
      extra: { timeouts: { build: '8s', stall: '3s', heartbeat: '2s' } },
    });
    const r = await runTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')]);
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'step-stalled').evidence.join('\n')).toMatch(/STEP_TIMEOUT/);
  });

  it('deploy-apply-failed: a manifest kube play rejects', async () => {
    // `64MB` is a typo of 64M/64Mi: not a Kubernetes quantity, so podman refuses to read the pod.
    const { dir } = make('tri-apply', {
      container: { command: ['/bin/busybox', 'sleep', '600'], resources: { limits: { memory: '64MB' } } },
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'deploy-apply-failed').evidence.join('\n')).toMatch(/quantities must match/);
  });

  it('readiness-probe-failing: an exec probe that never passes, short timeouts.deploy', async () => {
    const { dir } = make('tri-ready', {
      container: {
        command: ['/bin/busybox', 'sleep', '600'],
        readinessProbe: { exec: { command: ['/bin/busybox', 'false'] }, periodSeconds: 1 },
      },
      extra: { timeouts: { deploy: '12s', heartbeat: '2s' } },
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'readiness-probe-failing').evidence.join('\n')).toMatch(/Readiness probe failed/);
  });

  it('oom-killed: a container allocating 80 MB under a 20Mi memory limit (exit 137)', async () => {
    const { dir } = make('tri-oom', {
      container: {
        command: [
          '/bin/busybox',
          'sh',
          '-c',
          'x=$(/bin/busybox head -c 80000000 /dev/zero | /bin/busybox tr "\\0" a); echo survived',
        ],
        resources: { limits: { memory: '20Mi' } },
      },
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'oom-killed').evidence.join('\n')).toMatch(/137/);
  });
});

/** Sets the project's `test:` section in tarmac.yaml. */
function setTest(dir: string, test: Record<string, unknown>): void {
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, stringify({ ...config, test }));
}
