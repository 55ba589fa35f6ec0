// examples/suites through `tarmac up --all` on the podman target, for real: one plan, each shared image built once
// (all cache hits: they are the e2e setup's shared images), four networks (fleet has two), the engine budget kept,
// one suite made to fail beside two green ones, with its own triage, each suite's memory measured; then `status`,
// `test`, `logs` and `doctor --suite` act on a live suite, a failed `test --suite` is triaged on that suite's cluster,
// and `down` covers every suite.
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPodman } from '../support/podman-env.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copySuitesExample, expectSuitesRun, removeSuitesExample, upAllBreakingStorage } from './suites-kit.js';

const envName = uniqueEnvName('suites');
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
    // Inspected on the suite's own (first) cluster, not on the file's env, which has no network or pods.
    const evidence = (component: string) => triage.status.find((s) => s.component === component)?.evidence;
    expect(evidence('podman network')).toContain(`tarmac-${envName}-fleet-hub`);
    expect(evidence('pods')).toContain(`tarmac-${envName}-fleet-hub-datastorage`);
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
});
