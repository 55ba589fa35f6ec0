// examples/aianalysis on the podman target through `tarmac up` / `status` / `test` / `down`, real podman end
// to end (one deploy of the example for everything the podman target promises): the env network (labelled,
// DNS on), the groups deployed in order and ready by their probes, the example suite passing with aianalysis
// reaching its backends by Service name, a second up that rebuilds, redelivers and replays nothing (the same
// pods, kept), another process seeing the same endpoints, and a down that removes exactly what the env created
// (pods, containers, the network, a claim's volume, state and temp files) and leaves look-alikes alone.
// The example's services and suite without tarmac: example-services.test.ts; the suite's failure paths:
// test/example-suite.test.ts.
import { execa } from 'execa';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadEnv } from '../../src/config/load.js';
import type { Env } from '../../src/config/types.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import { waitReady } from '../../src/kube/wait-ready.js';
import { createPodmanTarget } from '../../src/targets/podman/index.js';
import type { ClusterTarget } from '../../src/targets/types.js';
import { context, inlineGroup } from '../fixtures/deploy/support.js';
import { finalStates, readJournal } from '../support/journal-checks.js';
import { sharedRefs } from '../support/shared-images.js';
import { copySharedExample, runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';
import { CHATTER_YAML, CLAIM_YAML, envResources, GATED_SUITE, GITHUB_TOKEN, podmanLines } from './up-podman-kit.js';

const envName = uniqueEnvName('up');
const foreign = `${envName}-foreign`;
let dir = '';
let env: Env;
const file = () => join(dir, 'tarmac.yaml');
const runsDir = () => join(dir, '.tarmac', 'runs');
/** What each run's journal says, and its step logs joined. */
const runOf = (id: string) => {
  const steps = join(runsDir(), id, 'steps');
  const logs = readdirSync(steps).map((f) => readFileSync(join(steps, f), 'utf8'));
  return { states: finalStates(readJournal(join(runsDir(), id))), logs: logs.join('\n') };
};
// A target object on the env's state dir, as another tarmac process would make.
const newTarget = (): ClusterTarget =>
  createPodmanTarget({
    env,
    runner: runCommand,
    engine: createPodmanEngine(runCommand),
    stateDir: env.stateDir,
    runId: 'other',
  });
/** A whole `tarmac up` (deploy, probes, the suite): generous, so a loaded machine still finishes it. */
const UP_TIMEOUT_MS = 300_000;

const podIds = async () =>
  podmanLines(['pod', 'ps', '-q', '--no-trunc', '--filter', `label=io.tarmac.env=${envName}`, '--sort', 'name']);

beforeAll(async () => {
  dir = copySharedExample(envName, (config) => {
    (config.cluster as Record<string, unknown>).name = `${envName}-e2e`;
  });
  env = await loadEnv(file());
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  await execa('podman', ['rm', '-f', '-t', '0', '--ignore', foreign], { reject: false });
  await execa('podman', ['pod', 'rm', '-f', '-t', '0', '--ignore', `${foreign}-pod`], { reject: false });
  await execa('podman', ['network', 'rm', '-f', `tarmac-${foreign}`], { reject: false });
});

describe('tarmac up on the podman target: examples/aianalysis (real podman)', () => {
  let firstRun = '';
  let second: ReturnType<typeof startTarmac>;

  it(
    'deploys the groups in order into a labelled network with DNS; the suite passes by Service name',
    async () => {
      const first = startTarmac(['up', '-f', file(), '--json']);
      // A second up of the same env, started while the first holds it: it must wait, then reuse (next test).
      await waitFor('the first up to take the env', () => (existsSync(runsDir()) ? true : undefined));
      second = startTarmac(['up', '-f', file(), '--json']);
      const r = await first;
      expect(r.exitCode, r.all).toBe(0);
      firstRun = (JSON.parse(r.stdout) as { runId: string }).runId;
      const { states, logs } = runOf(firstRun);
      expect(states).toMatchObject({ 'deploy:data': 'succeeded', 'deploy:apps': 'succeeded', test: 'succeeded' });
      expect(logs).toContain('Deployment/datastorage: ready (1/1 pods ready)');
      expect(logs).toContain('Deployment/aianalysis: ready (1/1 pods ready)');
      expect(logs).toMatch(/tarmac-up-[^:]*-datastorage: played \(reachable as datastorage\)/);
      expect(readFileSync(join(dir, 'e2e-results.xml'), 'utf8')).toMatch(
        /<testsuite name="aianalysis-e2e" tests="7" failures="0"/,
      );
      const [network] = JSON.parse((await execa('podman', ['network', 'inspect', `tarmac-${envName}`])).stdout) as {
        dns_enabled: boolean;
        labels: Record<string, string>;
      }[];
      expect(network?.dns_enabled).toBe(true);
      expect(network?.labels).toMatchObject({ 'io.tarmac.managed': 'true', 'io.tarmac.env': envName });
      const status = await newTarget().status();
      expect(status).toMatchObject({ exists: true, healthy: true, createdByTarmac: true, problems: [] });
      expect(status.nodes.map((n) => n.state)).toEqual(['Running', 'Running', 'Running']);
      // A successful up keeps the env's listing for the `tarmac test` that follows (checked there).
      expect(existsSync(join(dir, '.tarmac', 'read-ahead.json'))).toBe(true);
    },
    UP_TIMEOUT_MS,
  );

  it(
    'a second up started meanwhile waits for the first, then rebuilds, redelivers and re-applies nothing: the unchanged, running pods are kept',
    async () => {
      const before = await podIds();
      expect(before).toHaveLength(3);
      const r = await second;
      expect(r.exitCode, r.all).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(`env ${envName} is in use by tarmac up \\(pid \\d+\\): waiting for it to finish`),
      );
      const { states } = runOf((JSON.parse(r.stdout) as { runId: string }).runId);
      const reused = Object.entries(states).filter(
        ([step]) =>
          step.startsWith('build:') || step.startsWith('deliver:') || step.startsWith('deploy:') || step === 'cluster',
      );
      expect(reused.map(([step]) => step)).toContain('build:holmesgpt-api');
      // Unchanged manifests and ready pods: the deploy steps are cached, nothing is applied (issue 16).
      expect(reused.map(([step]) => step)).toEqual(expect.arrayContaining(['deploy:data', 'deploy:apps']));
      for (const [step, state] of reused) expect(state, step).toBe('cached');
      expect(states.test).toBe('succeeded');
      expect(await podIds()).toEqual(before);
    },
    UP_TIMEOUT_MS,
  );

  it(
    'status shows the env healthy with the endpoints another process sees; test re-runs the suite, and down --no-wait meanwhile refuses',
    async () => {
      const status = await runTarmac(['status', '-f', file()]);
      expect(status.exitCode, status.all).toBe(0);
      expect(status.stdout).toMatch(/healthy/);
      const endpoints = await newTarget().endpoints();
      expect(Object.keys(endpoints).sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
      for (const [name, url] of Object.entries(endpoints)) {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(status.stdout).toContain(`${name}: ${url}`);
      }
      expect(newTarget().testEnv()).toEqual({ TARMAC_NETWORK: `tarmac-${envName}` });
      const runsBefore = readdirSync(runsDir()).length;
      // The suite starts only once the gate file exists, so `test` holds the env until `down` has asked, on a
      // machine of any speed (without the gate a fast suite could finish before `down` reached the lock).
      const gate = join(dir, 'suite-gate');
      const original = readFileSync(file(), 'utf8');
      const config = parse(original) as { test: { command: string[] } };
      config.test.command = ['node', '-e', GATED_SUITE, gate, ...config.test.command];
      writeFileSync(file(), stringify(config));
      const testing = startTarmac(['test', '-f', file()]);
      // While `test` holds the env, `down --no-wait` refuses at once instead of pulling the env from under it.
      await waitFor('tarmac test to take the env', () =>
        readdirSync(runsDir()).length > runsBefore ? true : undefined,
      );
      const refused = await runTarmac(['down', '--no-wait', '-f', file()]);
      writeFileSync(gate, '');
      writeFileSync(file(), original);
      expect(refused.exitCode, refused.all).toBe(3);
      expect(refused.stderr).toMatch(new RegExp(`env ${envName} is in use by tarmac test \\(pid \\d+\\)`));
      const test = await testing;
      expect(test.exitCode, test.all).toBe(0);
      expect(test.stdout).toMatch(/7 passed, 0 failed, 0 skipped/);

      // `up` and `test` kept the env's listing; the next `test` starts it before its CLI loads, and, no run having held the
      // env since, answers its health and endpoints from it (issue 16).
      const recipe = JSON.parse(readFileSync(join(dir, '.tarmac', 'read-ahead.json'), 'utf8')) as unknown;
      expect(recipe).toEqual({
        configFile: file(),
        cmd: 'podman',
        args: ['ps', '-a', '--filter', `label=io.tarmac.env=${envName}`, '--format', 'json'],
        env: {},
      });
      const again = await runTarmac(['test', '-f', file()]);
      expect(again.exitCode, again.all).toBe(0);
      expect(again.stdout).toMatch(/7 passed, 0 failed, 0 skipped/);
      const newest = readdirSync(runsDir()).sort().at(-1)!;
      const decisions = readJournal(join(runsDir(), newest)).flatMap((e) => (e.type === 'decision' ? [e.message] : []));
      expect(decisions).toContainEqual(
        expect.stringMatching(/^read ahead: `podman ps -a --filter label=io\.tarmac\.env=/),
      );
    },
    UP_TIMEOUT_MS,
  );

  it("logs prints a workload's container log redacted and escaped, follows it until Ctrl-C, and names the known workloads for an unknown one", async () => {
    const target = newTarget();
    const chatter = inlineGroup('chatter', CHATTER_YAML, new Map([['base', sharedRefs().base!]]));
    await target.apply(chatter, context());
    await waitReady({
      group: chatter,
      pods: (s) => target.pods(chatter, s),
      deadlineMs: 60_000,
      intervalMs: 500,
      signal: AbortSignal.timeout(90_000),
      output: () => undefined,
    });
    const logs = await runTarmac(['logs', 'chatter', '--file', file()]);
    expect(logs.exitCode, logs.all).toBe(0);
    expect(logs.stdout).toContain('chatter says hello');
    expect(logs.stdout).toContain('\\x1b[31mred');
    expect(logs.stdout).not.toContain('\x1b');
    expect(logs.stdout).toContain('token ***');
    expect(logs.stdout).not.toContain(GITHUB_TOKEN);
    expect(logs.stderr).toContain('chatter on stderr');

    const following = startTarmac(['logs', 'chatter', '-f', '--since', '10m', '--file', file()]);
    let seen = '';
    following.stdout?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    await waitFor('the followed log', () => (seen.includes('chatter says hello') ? true : undefined));
    following.kill('SIGINT');
    expect((await following).exitCode).toBe(0);

    const unknown = await runTarmac(['logs', 'chattr', '--file', file()]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no workload named chattr runs in this env');
    expect(unknown.stderr).toContain(
      'Did you mean chatter? Known workloads: aianalysis, chatter, datastorage, holmesgpt-api.',
    );
  }, 60_000);

  it(
    'down removes every pod, container, network, volume and temp file of the env, and nothing foreign',
    async () => {
      // A claim's volume the env must not leak (deployed into the env as a group of its own).
      const target = newTarget();
      const base = sharedRefs().base!;
      const claim = inlineGroup('extras', CLAIM_YAML, new Map([['base', base]]));
      await target.apply(claim, context());
      await waitReady({
        group: claim,
        pods: (s) => target.pods(claim, s),
        deadlineMs: 120_000,
        intervalMs: 500,
        signal: AbortSignal.timeout(180_000),
        output: () => undefined,
      });
      expect(await podmanLines(['volume', 'ls', '-q', '--filter', `label=io.tarmac.env=${envName}`])).toEqual([
        `tarmac-${envName}-notes`,
      ]);
      // Foreign look-alikes: similar names; the container carries the env's labels as one run from an env image
      // inherits them, but not the podman target's: still not tarmac's to remove.
      await execa('podman', ['network', 'create', `tarmac-${foreign}`]);
      await execa('podman', [
        'run',
        '-d',
        '--name',
        foreign,
        '--label',
        'io.tarmac.managed=true',
        '--label',
        `io.tarmac.env=${envName}`,
        '--network',
        `tarmac-${foreign}`,
        base,
        '/bin/busybox',
        'sleep',
        '600',
      ]);
      await execa('podman', ['pod', 'create', '--name', `${foreign}-pod`]);
      expect((await envResources(envName)).length).toBeGreaterThan(0);

      const r = await runTarmac(['down', '-f', file()]);
      expect(r.exitCode, r.all).toBe(0);
      expect(r.stdout).toContain(`pod tarmac-${envName}-notes`);
      expect(r.stdout).toContain(`volume tarmac-${envName}-notes`);
      expect(await envResources(envName)).toEqual([]);
      expect(await podmanLines(['ps', '-a', '--filter', `name=${foreign}`, '--format', '{{.Names}}'])).toEqual([
        foreign,
      ]);
      expect(await podmanLines(['pod', 'ps', '--filter', `name=${foreign}-pod`, '--format', '{{.Name}}'])).toEqual([
        `${foreign}-pod`,
      ]);
      expect(
        await podmanLines(['network', 'ls', '--filter', `name=tarmac-${foreign}`, '--format', '{{.Name}}']),
      ).toEqual([`tarmac-${foreign}`]);
      expect(readdirSync(tmpdir()).filter((f) => f.includes(envName) && !dir.includes(f))).toEqual([]);
      expect(existsSync(join(dir, '.tarmac', 'state.json'))).toBe(false);
      expect(existsSync(join(dir, '.tarmac', 'podman-target.json'))).toBe(false);
      expect(await newTarget().status()).toMatchObject({ exists: false, healthy: false });
      const status = await runTarmac(['status', '-f', file()]);
      expect(status.exitCode).toBe(3);
      // Nothing left to remove: a second down is a no-op.
      expect((await newTarget().down()).removed.filter((x) => !x.startsWith('files '))).toEqual([]);
    },
    UP_TIMEOUT_MS,
  );
});
