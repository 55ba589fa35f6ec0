// examples/aianalysis on the podman target, for real: its three services deploy group by group,
// become ready by their readiness probes, reach each other by Service name, the example suite passes
// against the endpoints; a second apply keeps the unchanged pods; down removes exactly what the env
// created (pods, containers, the network, a claim's volume, state and played files) and leaves
// similarly named foreign things alone.
import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { run } from '../../src/exec/run.js';
import { waitReady } from '../../src/kube/wait-ready.js';
import type { RenderedGroup } from '../../src/kube/types.js';
import { createPodmanTarget } from '../../src/targets/podman/index.js';
import type { ClusterTarget } from '../../src/targets/types.js';
import type { Env } from '../../src/config/types.js';
import {
  buildImage,
  context,
  fixtureEnv,
  inlineGroup,
  podman,
  renderedGroups,
  cleanupWithRetry,
} from '../fixtures/deploy/support.js';
import { exampleDir, hasPodman, uniqueName } from '../support/podman-env.js';

const label = uniqueName('tpe');
const foreign = `tarmac-${label}-foreign`;
const refs = new Map<string, string>();
let env: Env;
let target: ClusterTarget;
let groups: RenderedGroup[] = [];
let junitDir: string | undefined;

// A new target object on the same env and state dir, as a later `tarmac test` or `down` process would make.
const newTarget = (): ClusterTarget =>
  createPodmanTarget({ env, runner: run, engine: createPodmanEngine(run), stateDir: env.stateDir, runId: 'run-2' });

// Applies a group and waits until its workloads are ready (the deploy step's own loop).
async function deploy(group: RenderedGroup, lines: string[]): Promise<void> {
  await target.apply(group, context(lines));
  await waitReady({
    group,
    pods: (s) => target.pods(group, s),
    deadlineMs: 60_000,
    intervalMs: 500,
    signal: AbortSignal.timeout(90_000),
    output: (l) => lines.push(l),
  });
}

const ids = async (): Promise<string> =>
  podman(['pod', 'ps', '-q', '--no-trunc', '--filter', `label=io.tarmac.env=${label}`, '--sort', 'name']);

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')('podman target: examples/aianalysis', () => {
  beforeAll(async () => {
    env = await fixtureEnv(join(exampleDir, 'tarmac.yaml'), label);
    refs.set('base', await buildImage(label, 'base', join(exampleDir, 'base')));
    for (const name of ['datastorage', 'holmesgpt-api', 'aianalysis']) {
      const args: Record<string, string> = {
        TARMAC_IMAGE_BASE: refs.get('base') ?? '',
        ...(name === 'holmesgpt-api' ? { WORK: '2' } : {}),
      };
      refs.set(name, await buildImage(label, name, join(exampleDir, name), args));
    }
    groups = await renderedGroups(env, refs);
    target = createPodmanTarget({
      env,
      runner: run,
      engine: createPodmanEngine(run),
      stateDir: env.stateDir,
      runId: 'run-1',
    });
  });

  afterAll(async () => {
    await target?.down().catch(() => undefined);
    await cleanupWithRetry(label);
    await execa('podman', ['rm', '-f', '-t', '0', '--ignore', foreign], { reject: false });
    await execa('podman', ['pod', 'rm', '-f', '-t', '0', '--ignore', `${foreign}-pod`], { reject: false });
    await execa('podman', ['network', 'rm', '-f', foreign], { reject: false });
    for (const dir of [env?.stateDir, junitDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ensure creates the env network (labelled, DNS on), then reuses it', async () => {
    expect(await target.ensure(context())).toMatchObject({ action: 'created' });
    const network = JSON.parse(await podman(['network', 'inspect', `tarmac-${label}`])) as {
      dns_enabled: boolean;
      labels: Record<string, string>;
    }[];
    expect(network[0]?.dns_enabled).toBe(true);
    expect(network[0]?.labels).toMatchObject({ 'io.tarmac.managed': 'true', 'io.tarmac.env': label });
    expect(await target.ensure(context())).toMatchObject({ action: 'reused' });
    expect(await target.status()).toMatchObject({ exists: true, healthy: true, createdByTarmac: true, problems: [] });
  });

  it('deploys the groups in order; the pods become ready by their probes', async () => {
    const lines: string[] = [];
    for (const group of groups) await deploy(group, lines);
    expect(lines).toContain('Deployment/datastorage: ready (1/1 pods ready)');
    expect(lines).toContain('Deployment/aianalysis: ready (1/1 pods ready)');
    expect(lines.join('\n')).toMatch(/tarmac-tpe-[^:]*-datastorage: played \(reachable as datastorage\)/);
    const status = await target.status();
    expect(status.nodes.map((n) => n.state)).toEqual(['Running', 'Running', 'Running']);
  });

  it('the example suite passes against the endpoints, aianalysis reaching its backends by Service name', async () => {
    const endpoints = await target.endpoints();
    expect(Object.keys(endpoints).sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    for (const url of Object.values(endpoints)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    junitDir = mkdtempSync(join(tmpdir(), `${label}-`));
    const junit = join(junitDir, 'results.xml');
    const suite = await execa('node', ['e2e/suite.mjs'], {
      cwd: exampleDir,
      reject: false,
      all: true,
      env: {
        JUNIT_FILE: junit,
        TARMAC_SERVICE_DATASTORAGE: endpoints.datastorage,
        TARMAC_SERVICE_HOLMESGPT_API: endpoints['holmesgpt-api'],
        TARMAC_SERVICE_AIANALYSIS: endpoints.aianalysis,
      },
    });
    expect(suite.exitCode, suite.all).toBe(0);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite name="aianalysis-e2e" tests="7" failures="0"/);
    expect(target.testEnv()).toEqual({ TARMAC_NETWORK: `tarmac-${label}` });
  });

  it('applying again keeps the unchanged, running pods; another process sees the same endpoints', async () => {
    const before = await ids();
    const lines: string[] = [];
    for (const group of groups) await deploy(group, lines);
    expect(lines.filter((l) => l.endsWith('unchanged and running, kept'))).toHaveLength(3);
    expect(await ids()).toBe(before);
    expect(await newTarget().endpoints()).toEqual(await target.endpoints());
  });

  it('down removes exactly what the env created, volumes and files included, and keeps similarly named foreign things', async () => {
    const claim = inlineGroup('extras', CLAIM_YAML, refs);
    await deploy(claim, []);
    expect(await podman(['volume', 'ls', '-q', '--filter', `label=io.tarmac.env=${label}`])).toBe(
      `tarmac-${label}-notes`,
    );
    await podman(['network', 'create', foreign]);
    await podman([
      'run',
      '-d',
      '--name',
      foreign,
      '--network',
      foreign,
      refs.get('base') ?? '',
      '/bin/busybox',
      'sleep',
      '600',
    ]);
    await podman(['pod', 'create', '--name', `${foreign}-pod`]);
    const report = await newTarget().down();
    expect(report.removed).toEqual(
      expect.arrayContaining([
        `pod tarmac-${label}-datastorage`,
        `pod tarmac-${label}-notes`,
        `network tarmac-${label}`,
        `volume tarmac-${label}-notes`,
      ]),
    );
    expect(report.keptForeign).toEqual(
      expect.arrayContaining([`container ${foreign}`, `network ${foreign}`, `pod ${foreign}-pod`]),
    );
    for (const list of [
      ['pod', 'ps'],
      ['volume', 'ls'],
      ['network', 'ls'],
    ]) {
      expect(await podman([...list, '-q', '--filter', `label=io.tarmac.env=${label}`]), list.join(' ')).toBe('');
    }
    // The foreign container was run from an env image, so it inherited the image's env labels: still not tarmac's to remove.
    expect(await podman(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=io.tarmac.env=${label}`])).toBe(
      foreign,
    );
    expect(await podman(['ps', '-a', '--format', '{{.Names}}', '--filter', `name=tarmac-${label}`])).toBe(foreign);
    expect(await podman(['network', 'ls', '--format', '{{.Name}}', '--filter', `name=tarmac-${label}`])).toBe(foreign);
    expect(readdirSync(env.stateDir)).toEqual([]);
    expect(existsSync(join(env.stateDir, 'podman-target.json'))).toBe(false);
    expect(await newTarget().status()).toMatchObject({ exists: false, healthy: false });
    // Nothing left to remove: a second down is a no-op.
    expect((await newTarget().down()).removed.filter((r) => !r.startsWith('files '))).toEqual([]);
  });
});

// A ConfigMap, a PersistentVolumeClaim and a Pod using both (a volume the env must not leak).
const CLAIM_YAML = `
apiVersion: v1
kind: ConfigMap
metadata: {name: notes-config}
data: {GREETING: hello}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: notes}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Mi}}
---
apiVersion: v1
kind: Pod
metadata: {name: notes, labels: {app: notes}}
spec:
  containers:
    - name: notes
      image: base
      command: ["/bin/busybox", "sh", "-c", "echo $GREETING > /notes/greeting; exec /bin/busybox sleep 600"]
      envFrom: [{configMapRef: {name: notes-config}}]
      volumeMounts: [{name: notes, mountPath: /notes}]
      readinessProbe:
        exec: {command: ["/bin/busybox", "grep", "-q", "hello", "/notes/greeting"]}
        periodSeconds: 1
  volumes:
    - name: notes
      persistentVolumeClaim: {claimName: notes}
`;
