// The seed's own case: the engine (a real `podman system service`) is SIGKILLed during three parallel builds; the
// kind cluster (stand-in, real podman node container) stays listed but its node container is down and its API
// refuses connections. The triage must reach the seed's conclusions (from triage-scenarios-seed).
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { removeStandinCluster, removeStandinEnv, standinEnv } from '../fixtures/standins/support.js';
import { readJournal } from '../support/journal-checks.js';
import { removeEnvImages } from '../support/podman-query.js';
import { startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';
import { endServiceLeftovers } from '../e2e/triage-scenario-kit.js';
import { stepLogsSaying, stepLogTails } from './engine-scenarios.js';
import { outcome } from './podman-scenarios.js';
import type { TriageScenario } from './scenario.js';

/** Longer than the engine scenarios' sleep: the builds must still run when the cluster step is done. */
const SLEEP = `9.${String(process.pid % 1000).padStart(3, '0')}`;
const IMAGES = ['datastorage', 'holmesgpt-api', 'aianalysis'];

function writeProject(dir: string, env: string, cluster: string, base: string): void {
  for (const i of IMAGES) {
    mkdirSync(join(dir, i));
    writeFileSync(
      join(dir, i, 'Containerfile'),
      `FROM ${base}\nRUN ["/bin/busybox", "sh", "-c", "echo working-${i}; /bin/busybox sleep ${SLEEP}"]\n`,
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
  writeFileSync(join(dir, 'manifests/apps.yaml'), IMAGES.map((i) => stringify(deployment(i))).join('---\n'));
  writeFileSync(
    join(dir, 'tarmac.yaml'),
    stringify({
      name: env,
      images: IMAGES.map((i) => ({ name: i, context: i })),
      cluster: { target: 'kind', name: cluster },
      deploy: [{ name: 'apps', manifests: ['manifests'] }],
      build: { capacity: 4 },
      timeouts: { heartbeat: '2s', engineRecovery: '60s', deliver: '30s' },
    }),
  );
}

/** Steps started and finished so far, for the error when a build ends before the crash. */
function journalNow(dir: string) {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  return id && existsSync(join(runs, id, 'events.jsonl')) ? readJournal(join(runs, id)) : [];
}

export const SEED_SCENARIO: TriageScenario = {
  name: 'seed-engine-crash-kind',
  from: 'test/e2e/triage-scenarios-seed.test.ts',
  exit: 4,
  async run(k) {
    const env = uniqueEnvName('tri-seed');
    const cluster = `${env}-e2e`;
    const dir = mkdtempSync(join(tmpdir(), `tarmac-${env}-`));
    const standin = standinEnv();
    const services: ChildProcess[] = [];
    k.defer(async () => {
      await endServiceLeftovers(services, SLEEP, k.base);
      await removeStandinCluster(cluster);
      removeStandinEnv(standin);
      await removeEnvImages(env);
      rmSync(dir, { recursive: true, force: true });
    });
    writeProject(dir, env, cluster, k.base);
    // The cluster exists before the run (as in the seed, where kind already listed it); tarmac reuses it.
    await execa('kind', ['create', 'cluster', '--name', cluster], { env: { ...process.env, ...standin } });
    const url = `unix://${join(dir, 'podman.sock')}`;
    const serve = async () => {
      services.push(spawn('podman', ['system', 'service', '--time=0', url], { stdio: 'ignore' }));
      await waitFor('the podman service', async () =>
        (await execa('podman', ['--url', url, 'version'], { reject: false })).exitCode === 0 ? true : undefined,
      );
      return services.at(-1)!;
    };
    const service = await serve();
    const child = startTarmac(['up', '--no-test', '--plain', '-f', join(dir, 'tarmac.yaml')], {
      env: { ...standin, CONTAINER_HOST: url },
    });
    // Capacity 4: the three builds and the cluster step run at once; the cluster is up and all three builds are
    // inside their RUN step: the seed's moment.
    await waitFor(
      'cluster created and 3 builds working',
      () => {
        const events = journalNow(dir);
        const created = events.some(
          (e) => e.type === 'step.finished' && e.stepId === 'cluster' && ['succeeded', 'cached'].includes(e.state),
        );
        if (events.some((e) => e.type === 'step.finished' && e.stepId.startsWith('build:')))
          throw new Error('a build finished before the crash: raise SLEEP');
        return created && stepLogsSaying(dir, 'working-') === 3 ? true : undefined;
      },
      90_000,
      () => stepLogTails(dir),
    );
    // The seed's engine was back by the time the failure was looked at. tarmac triages as soon as its run fails, so
    // it is held (SIGSTOP) while the engine dies and comes back: otherwise its engine probe races the restart, and
    // a fresh service's first answer can take longer than the probe's 4 s when other files use the store.
    const tarmacPid = child.pid ?? 0;
    process.kill(tarmacPid, 'SIGSTOP');
    try {
      service.kill('SIGKILL');
      // The node container goes down with the engine (podman never restarts kind nodes), then the engine comes back.
      await execa('podman', ['stop', '-t', '0', `${cluster}-control-plane`]);
      await serve();
      // Back means answering within the 4 s budget of triage's engine probe: a fresh service's first answers can be
      // slower on a loaded machine, and then triage rightly says "hung", which is not this scenario.
      await waitFor('the podman service to answer within 4 s', async () =>
        (await execa('podman', ['--url', url, 'version'], { reject: false, timeout: 4000 })).exitCode === 0
          ? true
          : undefined,
      );
    } finally {
      process.kill(tarmacPid, 'SIGCONT');
    }
    return outcome(dir, await child, {
      top: 'engine-crash',
      summary: ['while 3 builds ran in parallel \\(capacity 4\\)', `kind cluster ${cluster} is a casualty`],
      evidence: [
        `clusters: kind get clusters lists ${cluster}`,
        `node container ${cluster}-control-plane: exited`,
        'api: .*not reachable .*refused',
      ],
      actions: [`kind delete cluster --name ${cluster}`, 'podman system prune -f', '--capacity 2'],
      also: ['kind-node-stopped'],
      status: {
        engine: 'ok',
        'kind cluster metadata': 'ok',
        'kind node container': 'down',
        'API server': 'down',
      },
    });
  },
};
