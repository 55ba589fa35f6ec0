// examples/suites through `tarmac up --all` on the kind target, with the kind/kubectl stand-ins on real podman (no
// kind binary or API server can run here: test/fixtures/standins/README.md): four clusters in one plan (fleet's hub
// and spoke each its own), the shared images built once and delivered to each cluster that needs them, the fleet
// test reaching each cluster's Services and kubeconfig, one suite made to fail beside two green ones with its own
// triage; then `down` deletes every suite's cluster.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { stepLogName } from '../../src/journal/run-dir.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv } from '../fixtures/standins/support.js';
import { hasPodman } from '../support/podman-env.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copySuitesExample, expectSuitesRun, removeSuitesExample, upAllBreakingStorage } from './suites-kit.js';

const envName = uniqueEnvName('suitek');
const clusters = ['storage-main', 'pipeline-main', 'fleet-hub', 'fleet-spoke'].map((c) => `${envName}-${c}`);
const standin = standinEnv({ STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '30000' });
let dir = '';
const file = () => join(dir, 'tarmac.yaml');
const nodes = async () =>
  (await execa('podman', ['ps', '-a', '--format', '{{.Names}}'], { env: standin })).stdout
    .split('\n')
    .filter((n) => n.startsWith(`${envName}-`))
    .sort();

// What each suite must be given: its Services' URLs and, for fleet, each cluster's under its name and kubeconfig.
const WANTED: Record<string, string[]> = {
  storage: ['TARMAC_SERVICE_DATASTORAGE', 'KUBECONFIG'],
  pipeline: ['TARMAC_SERVICE_DATASTORAGE', 'TARMAC_SERVICE_HOLMESGPT_API', 'TARMAC_SERVICE_AIANALYSIS'],
  fleet: [
    'TARMAC_SERVICE_HUB_DATASTORAGE',
    'TARMAC_SERVICE_SPOKE_HOLMESGPT_API',
    'TARMAC_CLUSTER_HUB_KUBECONFIG',
    'TARMAC_CLUSTER_SPOKE_KUBECONFIG',
  ],
};

// argv: the suite, then the variables it must have; a JUnit case per check, one more failing when
// SUITES_EXAMPLE_BREAK names the suite.
const WIRING = `
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
const [suite, ...wanted] = process.argv.slice(2);
const cases = wanted.map((v) => [v, Boolean(process.env[v])]);
if (suite === 'fleet') {
  cases.push(['the clusters have different kubeconfigs', process.env.TARMAC_CLUSTER_HUB_KUBECONFIG !== process.env.TARMAC_CLUSTER_SPOKE_KUBECONFIG]);
  cases.push(['no store on the spoke', process.env.TARMAC_SERVICE_SPOKE_DATASTORAGE === undefined]);
}
if (process.env.SUITES_EXAMPLE_BREAK === suite) cases.push(['not asked to fail', false]);
for (const [name, ok] of cases) console.log((ok ? 'ok ' : 'FAIL ') + name);
const failed = cases.filter(([, ok]) => !ok).length;
const body = cases.map(([name, ok]) => '<testcase classname="' + suite + '" name="' + name + '">' + (ok ? '' : '<failure message="missing"/>') + '</testcase>');
mkdirSync(dirname(process.env.JUNIT_FILE), { recursive: true });
writeFileSync(process.env.JUNIT_FILE, '<testsuites><testsuite name="' + suite + '">' + body.join('') + '</testsuite></testsuites>');
process.exit(failed > 0 ? 1 : 0);
`;

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')('suites side by side on kind (stand-ins)', () => {
  beforeAll(() => {
    dir = copySuitesExample(envName, 'kind');
    // The stand-ins' pods run nothing, so each suite checks what tarmac handed it instead of calling the services.
    writeFileSync(join(dir, 'e2e', 'wiring.mjs'), WIRING);
    const config = parse(readFileSync(file(), 'utf8')) as { suites: { name: string; test: { command: string[] } }[] };
    for (const suite of config.suites)
      suite.test.command = ['node', 'e2e/wiring.mjs', suite.name, ...WANTED[suite.name]!];
    writeFileSync(file(), stringify(config));
  });

  // Generous: four stand-in clusters are deleted one node container at a time.
  afterAll(async () => {
    if (dir) await runTarmac(['down', '-f', file()], { env: standin });
    for (const cluster of clusters) await removeStandinCluster(cluster);
    removeStandinEnv(standin);
    removeSuitesExample(dir);
  }, 240_000);

  it('runs three suites on four clusters in one plan; a failing suite leaves the others green', async () => {
    // Capacity 4: creating a stand-in cluster is mostly waiting for its node to boot, and four of them one or two at
    // a time would take minutes on a loaded machine. The budget checks hold against whatever capacity the run has.
    const out = await upAllBreakingStorage(dir, standin, ['--capacity', '4']);
    expectSuitesRun(out);
    expect(await nodes()).toEqual(clusters.map((c) => `${c}-control-plane`).sort());
    // The fleet test saw each cluster's Services and its own kubeconfig, and no store on the spoke (its step log).
    const log = readFileSync(join(out.run, 'steps', stepLogName('test:fleet')), 'utf8').split('\n');
    expect(log).toEqual(expect.arrayContaining(WANTED.fleet!.map((v) => `ok ${v}`)));
    expect(log).toContain('ok the clusters have different kubeconfigs');
  }, 400_000);

  it('down deletes every suite cluster', async () => {
    const down = await runTarmac(['down', '-f', file()], { env: standin });
    expect(down.exitCode, down.all).toBe(0);
    expect(await nodes()).toEqual([]);
  }, 180_000);
});
