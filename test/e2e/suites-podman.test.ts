// examples/suites through `tarmac up --all` on the podman target, for real: one plan, each shared image built once
// (all cache hits: they are the e2e setup's shared images), four networks (fleet has two), the engine budget kept,
// one suite made to fail beside two green ones, with its own triage, each suite's memory measured; then `status`,
// `test`, `logs` and `doctor --suite` act on a live suite, a failed `test --suite` is triaged on that suite's clusters,
// `down` covers every suite, and a spoke whose deploy fails fails its suite alone, triaged on both its clusters.
import { execa } from 'execa';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readJournal } from '../support/journal-checks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPodman } from '../support/podman-env.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copySuitesExample, expectSuitesRun, removeSuitesExample, upAllBreakingStorage } from './suites-kit.js';

const envName = uniqueEnvName('suites');
const MISSING_IMAGE = 'localhost/tarmac-fixture-does-not-exist:tm-000000000000';
let dir = '';
const file = () => join(dir, 'tarmac.yaml');
const pods = async () =>
  (await execa('podman', ['pod', 'ps', '--format', '{{.Name}}'])).stdout.split('\n').filter((n) => n.includes(envName));

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')('suites side by side on the podman target', () => {
  beforeAll(() => {
    dir = copySuitesExample(envName, 'podman');
  });

  afterAll(async () => {
    if (!dir) return;
    await runTarmac(['down', '-f', file()]);
    removeSuitesExample(dir);
  });

  it('runs three suites in one plan: images built once, budget kept, a failing suite leaves the others green', async () => {
    const out = await upAllBreakingStorage(dir);
    expectSuitesRun(out);
    // Each suite's pods were measured (at least as its tests started): the footprint the next run learns.
    const measured = out.events.flatMap((e) => (e.type === 'suite.memory' ? [[e.suite, e.peakBytes > 0]] : []));
    expect(measured.sort()).toEqual([
      ['fleet', true],
      ['pipeline', true],
      ['storage', true],
    ]);
    // Each suite cluster is its own set of pods: storage 1, pipeline 3, fleet's hub 1 and spoke 1.
    expect((await pods()).sort()).toEqual(
      [
        'storage-main-datastorage',
        'pipeline-main-datastorage',
        'pipeline-main-holmesgpt-api',
        'pipeline-main-aianalysis',
        'fleet-hub-datastorage',
        'fleet-spoke-holmesgpt-api',
      ]
        .map((p) => `tarmac-${envName}-${p}`)
        .sort(),
    );
  }, 120_000);

  it('test, logs and doctor --suite act on one live suite and all its clusters', async () => {
    const test = await runTarmac(['test', '--suite', 'fleet', '--json', '-f', file()]);
    expect(test.exitCode, test.all).toBe(0);
    const history = await runTarmac(['history', '--suite', 'fleet', '--json', '-f', file()]);
    const listed = (JSON.parse(history.stdout) as { runs: { command: string; suites: string[] }[] }).runs;
    // Newest first: this test run, then the up(s) of the test above (two when that test was retried).
    const rows = listed.map((r) => [r.command, r.suites]);
    expect(rows[0]).toEqual(['test', ['fleet']]);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) expect(row).toEqual(['up', ['storage', 'pipeline', 'fleet']]);
    const logs = await runTarmac(['logs', '--suite', 'fleet', '--file', file()]);
    expect(logs.exitCode, logs.all).toBe(0);
    const doctor = await runTarmac(['doctor', '--suite', 'fleet', '--json', '-f', file()]);
    const examined = JSON.parse(doctor.stdout) as { suite: string; clusters: { cluster: string; env: string }[] };
    expect(examined.clusters.map((c) => [c.cluster, c.env])).toEqual([
      ['hub', `${envName}-fleet-hub`],
      ['spoke', `${envName}-fleet-spoke`],
    ]);
  }, 90_000);

  it('a failed test --suite gets its own triage, made on that suite’s cluster', async () => {
    const test = await runTarmac(['test', '--suite', 'fleet', '-f', file()], {
      env: { SUITES_EXAMPLE_BREAK: 'fleet' },
    });
    expect(test.exitCode, test.all).toBe(1);
    const runs = join(dir, '.tarmac', 'runs');
    const run = join(runs, readdirSync(runs).sort().at(-1)!);
    const triage = JSON.parse(readFileSync(join(run, 'triage.json'), 'utf8')) as {
      verdicts: { ruleId: string; evidence: string[] }[];
      status: { component: string; evidence: string }[];
    };
    expect(triage.verdicts[0]?.ruleId).toBe('tests-failed');
    expect(triage.verdicts[0]?.evidence.join('\n')).toContain('SUITES_EXAMPLE_BREAK=fleet');
    // Inspected on the suite's own clusters, the first (where the test ran) leading, not on the file's env, which
    // has no network or pods.
    const evidence = (component: string) =>
      triage.status.filter((s) => s.component === component).map((s) => s.evidence);
    expect(evidence('podman network')).toEqual([
      expect.stringContaining(`tarmac-${envName}-fleet-hub`),
      expect.stringContaining(`tarmac-${envName}-fleet-spoke`),
    ]);
    expect(evidence('pods').join('\n')).toContain(`tarmac-${envName}-fleet-hub-datastorage`);
    expect(evidence('pods').join('\n')).toContain(`tarmac-${envName}-fleet-spoke-holmesgpt-api`);
  }, 60_000);

  it('status shows every suite cluster healthy; down removes them all', async () => {
    const status = await runTarmac(['status', '--json', '-f', file()]);
    expect(status.exitCode, status.all).toBe(0);
    const shown = JSON.parse(status.stdout) as { suites: { env: string; cluster: { healthy: boolean } }[] };
    expect(shown.suites.map((s) => [s.env, s.cluster.healthy])).toEqual([
      ['storage/main', true],
      ['pipeline/main', true],
      ['fleet/hub', true],
      ['fleet/spoke', true],
    ]);
    const down = await runTarmac(['down', '-f', file()]);
    expect(down.exitCode, down.all).toBe(0);
    expect(down.stdout).not.toContain('left alone');
    expect(await pods()).toEqual([]);
  }, 60_000);

  it("a spoke that fails to deploy fails its suite alone, triaged on the spoke with the hub's state beside it", async () => {
    // fleet's agent group now names an image nobody built: its apply on the spoke fails at once.
    const agent = join(dir, 'agent-missing-image.yaml');
    const manifest = readFileSync(join(dir, '..', 'aianalysis', 'manifests', 'apps', 'holmesgpt-api.yaml'), 'utf8');
    writeFileSync(agent, manifest.replace(/image: holmesgpt-api$/m, `image: ${MISSING_IMAGE}`));
    const config = parse(readFileSync(file(), 'utf8')) as {
      suites: { name: string; deploy?: { manifests: string[] }[] }[];
    };
    config.suites.find((s) => s.name === 'fleet')!.deploy![0]!.manifests = [agent];
    writeFileSync(file(), stringify(config));
    const up = await runTarmac(['up', '--suite', 'storage,fleet', '--json', '-f', file()]);
    expect(up.exitCode, up.all).not.toBe(0);
    const json = JSON.parse(up.stdout) as { suites: { name: string; outcome: string }[] };
    expect(json.suites.map((s) => [s.name, s.outcome])).toEqual([
      ['storage', 'passed'],
      ['fleet', 'failed'],
    ]);
    const runs = join(dir, '.tarmac', 'runs');
    const run = join(runs, readdirSync(runs).sort().at(-1)!);
    const finished = new Map(
      readJournal(run).flatMap((e) => (e.type === 'step.finished' ? [[e.stepId, e.state] as const] : [])),
    );
    expect(finished.get('deploy:fleet/hub/data')).toBe('succeeded');
    expect(finished.get('deploy:fleet/spoke/agent')).toBe('failed');
    const triage = JSON.parse(readFileSync(join(run, 'suites', 'fleet', 'triage.json'), 'utf8')) as {
      verdicts: { evidence: string[] }[];
      status: { component: string; evidence: string }[];
    };
    expect(triage.verdicts[0]?.evidence.join('\n')).toContain(MISSING_IMAGE);
    // The spoke, whose step failed, leads; the hub's network and its running store are in the evidence too.
    const networks = triage.status.filter((s) => s.component === 'podman network').map((s) => s.evidence);
    expect(networks).toEqual([
      expect.stringContaining(`tarmac-${envName}-fleet-spoke`),
      expect.stringContaining(`tarmac-${envName}-fleet-hub`),
    ]);
    expect(triage.status.map((s) => s.evidence).join('\n')).toContain(`tarmac-${envName}-fleet-hub-datastorage`);
  }, 90_000);
});
