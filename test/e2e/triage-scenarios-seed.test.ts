// The seed's own case end to end: the engine (a real `podman system service`) is SIGKILLed during three parallel
// builds; the kind cluster (stand-in, real podman node container) stays listed but its node container is down and
// its API refuses connections. tarmac's automatic triage must reach the seed's conclusions within 15 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';
import { readJournal } from '../support/journal-checks.js';
import { removeEnvImages } from '../support/podman-query.js';
import { startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';
import { buildBase, endServiceLeftovers, lastRun, verdictDelayMs } from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-seed-${process.pid}`;
const BASE = `localhost/tarmac-triage-seed-${process.pid}:busybox`;
const SLEEP = `9.${String(process.pid % 1000).padStart(3, '0')}`;
const env = uniqueEnvName('tri-seed');
const cluster = `${env}-e2e`;
let standin: StandinEnv;
let dir = '';
const services: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), `tarmac-${env}-`));
  standin = standinEnv();
});

afterAll(async () => {
  await endServiceLeftovers(services, SLEEP, BASE);
  await removeStandinCluster(cluster);
  if (standin) removeStandinEnv(standin);
  await removeEnvImages(env);
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function serve(url: string): ChildProcess {
  const child = spawn('podman', ['system', 'service', '--time=0', url], { stdio: 'ignore' });
  services.push(child);
  return child;
}

async function answering(url: string): Promise<void> {
  await waitFor(
    'the podman service',
    async () =>
      (await execa('podman', ['--url', url, 'version'], { reject: false })).exitCode === 0 ? true : undefined,
    20_000,
  );
}

function writeProject(): void {
  const images = ['datastorage', 'holmesgpt-api', 'aianalysis'];
  for (const i of images) {
    mkdirSync(join(dir, i));
    writeFileSync(
      join(dir, i, 'Containerfile'),
      `FROM ${BASE}\nRUN ["/bin/busybox", "sh", "-c", "echo working-${i}; /bin/busybox sleep ${SLEEP}"]\n`,
    );
  }
  mkdirSync(join(dir, 'manifests'));
  const deployment = (name: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: name, imagePullPolicy: 'IfNotPresent' }] },
      },
    },
  });
  writeFileSync(join(dir, 'manifests/apps.yaml'), images.map((i) => stringify(deployment(i))).join('---\n'));
  writeFileSync(
    join(dir, 'tarmac.yaml'),
    stringify({
      name: env,
      images: images.map((i) => ({ name: i, context: i })),
      cluster: { target: 'kind', name: cluster },
      deploy: [{ name: 'apps', manifests: ['manifests'] }],
      build: { capacity: 4 },
      timeouts: { heartbeat: '2s', engineRecovery: '60s', deliver: '30s' },
    }),
  );
}

function journalNow() {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  return id && existsSync(join(runs, id, 'events.jsonl')) ? { id, events: readJournal(join(runs, id)) } : undefined;
}

function buildsWorking(): number {
  const run = journalNow();
  if (!run) return 0;
  const steps = join(dir, '.tarmac', 'runs', run.id, 'steps');
  return existsSync(steps)
    ? readdirSync(steps).filter(
        (f) => f.startsWith('build_') && readFileSync(join(steps, f), 'utf8').includes('\nworking-'),
      ).length
    : 0;
}

describe('the seed: engine crash during parallel builds, kind node down, API refused', () => {
  it("the triage puts the engine crash on top, with the dead cluster as its evidence and the seed's actions, within 15 s", async () => {
    await buildBase(BASE, LABEL);
    writeProject();
    // The cluster exists before the run (as in the seed, where kind already listed it); tarmac reuses it.
    await execa('kind', ['create', 'cluster', '--name', cluster], { env: { ...process.env, ...standin } });
    const url = `unix://${join(dir, 'podman.sock')}`;
    let service = serve(url);
    await answering(url);
    const child = startTarmac(['up', '--no-test', '--plain', '-f', join(dir, 'tarmac.yaml')], {
      env: { ...standin, CONTAINER_HOST: url },
    });
    // Capacity 4: the three builds and the cluster step (weight 1) run at once. The cluster is up and all three
    // builds are inside their RUN step: the seed's moment.
    await waitFor(
      'cluster created and 3 builds working',
      () => {
        const events = journalNow()?.events ?? [];
        const created = events.some(
          (e) =>
            e.type === 'step.finished' && e.stepId === 'cluster' && (e.state === 'succeeded' || e.state === 'cached'),
        );
        const buildEnded = events.some((e) => e.type === 'step.finished' && e.stepId.startsWith('build:'));
        if (buildEnded)
          throw new Error(
            `a build finished before the crash: raise SLEEP ${JSON.stringify(events.filter((e) => e.type === 'step.started' || e.type === 'step.finished').map((e) => [e.type, 'stepId' in e ? e.stepId : '', e.at]))} working=${buildsWorking()}`,
          );
        return created && buildsWorking() === 3 ? true : undefined;
      },
      90_000,
    );
    service.kill('SIGKILL');
    // The node container goes down with the engine (podman never restarts kind nodes), then the engine comes back.
    await execa('podman', ['stop', '-t', '0', `${cluster}-control-plane`]);
    service = serve(url);
    await answering(url);
    const r = await child;
    expect(r.exitCode, r.all).toBe(4);

    const { events, triage } = lastRun(dir);
    expect(
      events.some((e) => e.type === 'incident' && e.kind === 'engine-crash'),
      JSON.stringify(events.filter((e) => e.type !== 'resource')),
    ).toBe(true);
    const [top] = triage?.verdicts ?? [];
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('engine-crash');
    expect(
      top!.summary,
      JSON.stringify(
        events.filter((e) => e.type === 'incident' || (e.type === 'step.finished' && e.state !== 'succeeded')),
      ),
    ).toMatch(/while 3 builds ran in parallel \(capacity 4\)/);
    expect(top!.summary).toMatch(new RegExp(`kind cluster ${cluster} is a casualty`));
    expect(top!.evidence).toEqual(expect.arrayContaining([`clusters: kind get clusters lists ${cluster}`]));
    expect(top!.evidence.join('\n')).toMatch(new RegExp(`node container ${cluster}-control-plane: exited`));
    expect(top!.evidence.join('\n')).toMatch(/api: .*not reachable .*refused/);
    expect(top!.actions).toEqual(
      expect.arrayContaining([`kind delete cluster --name ${cluster}`, 'podman system prune -f']),
    );
    expect(top!.actions.join('\n')).toMatch(/--capacity 2/);
    expect(triage!.verdicts.map((v) => v.ruleId)).toContain('kind-node-stopped');
    // The seed's status table: engine running, kind metadata present, node container not running, API unreachable.
    const status = new Map(triage!.status.map((row) => [row.component, row.status]));
    expect(status.get('engine')).toBe('ok');
    expect(status.get('kind cluster metadata')).toBe('ok');
    expect(status.get('API server')).toBe('down');
    expect(
      triage!.status.some((row) => /node/.test(row.component) && row.status === 'down'),
      JSON.stringify(triage!.status),
    ).toBe(true);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  });
});
