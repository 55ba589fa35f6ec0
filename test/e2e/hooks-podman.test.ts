// Deploy-group hooks through `tarmac up` on the podman target, for real: a `before` hook runs ahead of its group,
// an `after` hook reaches the group's Service through the same TARMAC_SERVICE_<NAME> variable the tests get and
// writes what the test step then reads, each hook is its own step in the journal with its own log; a failing hook
// fails its step with HOOK_FAILED and its output's tail, skips what waits for it, and exits 4.
// One small Deployment on the shared base image: no build, one pod.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { finalStates, readJournal } from '../support/journal-checks.js';
import { hasPodman } from '../support/podman-env.js';
import { sharedRefs } from '../support/shared-images.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('hooks');
let dir = '';
const file = () => join(dir, 'tarmac.yaml');
const node = process.execPath;

// The after hook: fetches the Service the tests would reach and leaves its answer for the test step.
const FETCH = `fetch(process.env.TARMAC_SERVICE_WEB + "/index.html").then(r => r.text()).then(t => {
  require("fs").writeFileSync("seeded.txt", process.env.TARMAC_GROUP + ":" + t.trim());
  console.log("seeded from " + process.env.TARMAC_SERVICE_WEB);
})`;

// The web group's hooks pass; the fixtures group's after hook fails, so the test step never runs.
const CONFIG = {
  name: envName,
  cluster: { target: 'podman' },
  deploy: [
    {
      name: 'web',
      manifests: ['web.yaml'],
      hooks: {
        before: [{ name: 'prepare', command: [node, '-e', 'require("fs").writeFileSync("prepared.txt", "yes")'] }],
        after: [{ name: 'seed', command: [node, '-e', FETCH], timeout: '30s' }],
      },
    },
    {
      name: 'fixtures',
      after: ['web'],
      hooks: {
        after: [
          {
            name: 'load',
            command: [node, '-e', 'console.log("loading"); console.error("fixture 7 refused"); process.exit(5)'],
          },
        ],
      },
    },
  ],
  test: { command: [node, '-e', 'process.exit(0)'] },
};

const WEB = (image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: web
          image: ${image}
          command: ["/bin/busybox", "sh", "-c"]
          args: ["mkdir -p /tmp/www && echo 'hello from web' > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www"]
          ports: [{containerPort: 8080}]
          readinessProbe: {httpGet: {path: /index.html, port: 8080}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 8080, targetPort: 8080}]}
`;

/** The directory of the newest run. */
const lastRun = (): string => {
  const runs = join(dir, '.tarmac', 'runs');
  return join(runs, readdirSync(runs).sort().at(-1) ?? '');
};

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')('deploy group hooks on the podman target', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `tarmac-${envName}-`));
    writeFileSync(join(dir, 'web.yaml'), WEB(sharedRefs().base!));
  });

  afterAll(async () => {
    if (!dir) return;
    await runTarmac(['down', '-f', file()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs hooks as their own steps in order with the endpoint env; a failing one is HOOK_FAILED with its tail, exit 4', async () => {
    writeFileSync(file(), stringify(CONFIG));
    const r = await runTarmac(['up', '-f', file(), '--plain']);
    expect(r.exitCode, r.all).toBe(4);
    expect(readFileSync(join(dir, 'prepared.txt'), 'utf8')).toBe('yes');
    expect(readFileSync(join(dir, 'seeded.txt'), 'utf8')).toBe('web:hello from web');
    const run = lastRun();
    const events = readJournal(run);
    expect(finalStates(events)).toEqual({
      cluster: 'succeeded',
      'hook:web/prepare': 'succeeded',
      'deploy:web': 'succeeded',
      'hook:web/seed': 'succeeded',
      'deploy:fixtures': 'succeeded',
      'hook:fixtures/load': 'failed',
      test: 'skipped',
    });
    const started = events.flatMap((e) => (e.type === 'step.started' ? [e.stepId] : []));
    expect(started.indexOf('hook:web/prepare')).toBeLessThan(started.indexOf('deploy:web'));
    expect(started.indexOf('hook:web/seed')).toBeGreaterThan(started.indexOf('deploy:web'));
    expect(readFileSync(join(run, 'steps', 'hook_web_seed.log'), 'utf8')).toMatch(
      /seeded from http:\/\/127\.0\.0\.1:\d+/,
    );
    const failed = events.find((e) => e.type === 'step.finished' && e.stepId === 'hook:fixtures/load');
    expect(failed).toMatchObject({
      error: {
        code: 'HOOK_FAILED',
        message: expect.stringContaining('exited 5'),
        tail: ['loading', 'fixture 7 refused'],
      },
    });
    expect(r.all).toContain('[HOOK_FAILED] hook fixtures/load failed');
  }, 90_000);
});
