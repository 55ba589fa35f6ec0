// Triage scenarios on the podman target, each failure produced for real (from triage-scenarios-real and -deploy).
import { execa } from 'execa';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot, runTarmac } from '../support/tarmac-cli.js';
import { lastRun, up } from '../e2e/triage-scenario-kit.js';
import type { Expectation, ScenarioOutcome, TriageScenario } from './scenario.js';

/** The outcome of a command run on the project in `dir`. */
export function outcome(
  dir: string,
  r: { exitCode?: number | undefined; all?: string | undefined },
  expect: Expectation,
): ScenarioOutcome {
  return { runDir: lastRun(dir).runDir, exitCode: r.exitCode, output: r.all ?? '', expect };
}

/** Sets the project's `test:` section in tarmac.yaml. */
function setTest(dir: string, test: Record<string, unknown>): void {
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, stringify({ ...config, test }));
}

const FROM_REAL = 'test/e2e/triage-scenarios-real.test.ts';
const FROM_DEPLOY = 'test/e2e/triage-scenarios-deploy.test.ts';

export const PODMAN_SCENARIOS: TriageScenario[] = [
  {
    name: 'build-failed',
    from: FROM_REAL,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-bfail', {
        run: ['RUN ["/bin/busybox", "sh", "-c", "echo missing-config-file >&2; exit 1"]'],
      });
      return outcome(dir, await up(dir), { top: 'build-failed', evidence: 'missing-config-file' });
    },
  },
  {
    name: 'tests-failed',
    from: FROM_REAL,
    exit: 'nonzero',
    async run(k) {
      const { dir } = k.podman.make('tri-tfail', {});
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
      return outcome(dir, r, { top: 'tests-failed', evidence: 'junit' });
    },
  },
  {
    name: 'test-harness-error',
    from: FROM_REAL,
    exit: 'nonzero',
    async run(k) {
      const { dir } = k.podman.make('tri-junit', {});
      setTest(dir, { command: ['node', '-e', 'console.log("ran, wrote nothing")'], junit: 'results.xml' });
      const r = await runTarmac(['up', '--plain', '-f', join(dir, 'tarmac.yaml')]);
      return outcome(dir, r, { top: 'test-harness-error', evidence: 'JUNIT_MISSING' });
    },
  },
  {
    name: 'step-stalled',
    from: FROM_REAL,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-stall', {
        run: ['RUN ["/bin/busybox", "sleep", "3600"]'],
        extra: { timeouts: { build: '8s', stall: '3s', heartbeat: '2s' } },
      });
      const r = await runTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')]);
      return outcome(dir, r, { top: 'step-stalled', evidence: 'STEP_TIMEOUT' });
    },
  },
  {
    name: 'deploy-apply-failed',
    from: FROM_REAL,
    exit: 4,
    async run(k) {
      // `64MB` is a typo of 64M/64Mi: not a Kubernetes quantity, so podman refuses to read the pod.
      const { dir } = k.podman.make('tri-apply', {
        container: { command: ['/bin/busybox', 'sleep', '600'], resources: { limits: { memory: '64MB' } } },
      });
      return outcome(dir, await up(dir), { top: 'deploy-apply-failed', evidence: 'quantities must match' });
    },
  },
  {
    name: 'readiness-probe-failing',
    from: FROM_REAL,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-ready', {
        container: {
          command: ['/bin/busybox', 'sleep', '600'],
          readinessProbe: { exec: { command: ['/bin/busybox', 'false'] }, periodSeconds: 1 },
        },
        extra: { timeouts: { deploy: '12s', heartbeat: '2s' } },
      });
      return outcome(dir, await up(dir), { top: 'readiness-probe-failing', evidence: 'Readiness probe failed' });
    },
  },
  {
    name: 'oom-killed',
    from: FROM_REAL,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-oom', {
        container: {
          // One 80 MB read buffer, filled at once: killed within moments even on a loaded machine (a slow build-up
          // of memory leaves the container running long enough for the deploy wait to call it ready).
          command: ['/bin/busybox', 'dd', 'if=/dev/zero', 'of=/dev/null', 'bs=80M', 'count=1'],
          resources: { limits: { memory: '20Mi' } },
        },
      });
      return outcome(dir, await up(dir), { top: 'oom-killed', evidence: '137' });
    },
  },
  {
    name: 'crash-loop',
    from: FROM_DEPLOY,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-crash', {
        container: { command: ['/bin/busybox', 'sh', '-c', 'echo "exec: --: invalid option"; exit 2'] },
      });
      return outcome(dir, await up(dir), {
        top: 'crash-loop',
        summary: 'exits with code 2',
        evidence: 'invalid option',
      });
    },
  },
  {
    name: 'image-not-local',
    from: FROM_DEPLOY,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-noimg', {
        container: { image: 'localhost/tarmac-no-such-image:1', imagePullPolicy: 'Never' },
      });
      return outcome(dir, await up(dir), {
        top: 'image-not-local',
        summary: 'localhost/tarmac-no-such-image:1',
        actions: '^podman image inspect localhost/tarmac-no-such-image:1',
      });
    },
  },
  {
    name: 'host-port-in-use-podman',
    from: FROM_DEPLOY,
    exit: 4,
    async run(k) {
      const server = createServer();
      k.defer(() => void server.close());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const { dir } = k.podman.make('tri-port', {
        container: {
          command: ['/bin/busybox', 'sleep', '600'],
          ports: [{ containerPort: 8080, hostPort: port, hostIP: '127.0.0.1' }],
        },
      });
      return outcome(dir, await up(dir), { top: 'host-port-in-use', summary: `Host port ${port} is already in use` });
    },
  },
  {
    name: 'unclassified-pod-name-taken',
    from: FROM_DEPLOY,
    exit: 4,
    async run(k) {
      // An invented failure no rule knows: a foreign pod holds the env's pod name.
      const { env, dir } = k.podman.make('tri-unk', { container: { command: ['/bin/busybox', 'sleep', '600'] } });
      await execa('podman', ['pod', 'create', '--name', `tarmac-${env}-app`, '--label', k.label]);
      return outcome(dir, await up(dir), {
        top: 'unclassified',
        summary: 'No known failure mode matches',
        abnormal: 'POD_NAME_TAKEN',
      });
    },
  },
];
