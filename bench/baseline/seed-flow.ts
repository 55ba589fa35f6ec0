// The seed's E2E setup flow (kubernaut's AIAnalysis harness, research-kubernaut.md §1), on podman instead of kind:
//   1. delete the env and create it again      (kind delete cluster + kind create cluster -> podman network rm/create)
//   2. build every image, one at a time, --no-cache (kubernaut always builds with --no-cache)
//   3. save each service image to /tmp/<name>-e2e.tar, then remove the images from the store (ExportImagesAndPrune;
//      `podman system prune -a` would hit other users' images on this shared host, so only ours are removed)
//   4. deliver: `podman load -i` each tar, then delete it (kind load image-archive + cleanup)
//   5. deploy the groups in order with `podman kube play` (each service reachable by its name on the network), and
//      after each group wait for its services' /health over a published port, polling every 2 s (kubernaut's podman
//      health loop); data first (the seed seeds workflows through DataStorage before the apps go in), then apps
// Run: npx tsx bench/baseline/seed-flow.ts <project-dir> <id>      (prints phase timings as JSON)
//      npx tsx bench/baseline/seed-flow.ts --cleanup <id>           (removes everything the flow created for <id>)
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const LABEL = 'io.tarmac.bench';
const IMAGES = ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'] as const;
const SERVICES = IMAGES.slice(1);
const GROUPS = [
  ['data', ['datastorage']],
  ['apps', ['holmesgpt-api', 'aianalysis']],
] as const;

const podman = (args: string[]) => execa('podman', args, { reject: false });
const ref = (id: string, image: string): string => `localhost/seedflow-${image}:${id}`;
const network = (id: string): string => `seedflow-${id}`;

async function must(args: string[]): Promise<string> {
  const r = await execa('podman', args, { reject: false, all: true });
  if (r.exitCode !== 0)
    throw new Error(`podman ${args.join(' ')} exited ${r.exitCode}:\n${String(r.all).slice(-2000)}`);
  return r.stdout;
}

/** A free TCP port on 127.0.0.1 (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Removes the pods and the network of this id (images too with `images`). */
export async function cleanup(id: string, images: boolean): Promise<void> {
  const pods = (await podman(['pod', 'ps', '-q', '--filter', `label=${LABEL}=seedflow-${id}`])).stdout
    .split('\n')
    .filter(Boolean);
  if (pods.length > 0) {
    await podman(['pod', 'stop', '-t', '0', ...pods]);
    await podman(['pod', 'rm', '-f', ...pods]);
  }
  await podman(['network', 'rm', '-f', network(id)]);
  if (images) await podman(['rmi', '-f', ...IMAGES.map((i) => ref(id, i))]);
}

/** kube play input for one Deployment: a Pod with our label and the service's port published on the host. */
interface Deployment {
  kind: string;
  metadata: { name: string };
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: { containers: { image: string; ports?: Record<string, unknown>[] }[] };
    };
  };
}

function podYaml(file: string, id: string, image: string, hostPort: number): string {
  const deployment = parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as Deployment)
    .find((d) => d.kind === 'Deployment')!;
  const template = deployment.spec.template;
  for (const c of template.spec.containers) {
    c.image = ref(id, image);
    for (const p of c.ports ?? []) Object.assign(p, { hostPort, hostIP: '127.0.0.1' });
  }
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `seedflow-${id}-${deployment.metadata.name}`,
      labels: { ...template.metadata.labels, [LABEL]: `seedflow-${id}` },
    },
    spec: template.spec,
  };
  return JSON.stringify(pod);
}

async function waitHealthy(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port}: /health not ready within the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Runs the whole flow on the project in `dir`; returns each phase's duration in ms. */
export async function seedFlow(dir: string, id: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string): void => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };
  await cleanup(id, false);
  await must(['network', 'create', '--label', `${LABEL}=seedflow-${id}`, network(id)]);
  phase('delete+create env');
  for (const image of IMAGES) {
    const args = image === 'base' ? [] : ['--build-arg', `TARMAC_IMAGE_BASE=${ref(id, 'base')}`];
    await must([
      'build',
      '--no-cache',
      '--label',
      `${LABEL}=seedflow-${id}`,
      ...args,
      '-t',
      ref(id, image),
      '-f',
      join(dir, image, 'Containerfile'),
      join(dir, image),
    ]);
    phase(`build ${image}`);
  }
  const tars = mkdtempSync(join(tmpdir(), `seedflow-${id}-`));
  for (const image of SERVICES) await must(['save', '-o', join(tars, `${image}-e2e.tar`), ref(id, image)]);
  await must(['rmi', '-f', ...IMAGES.map((i) => ref(id, i))]);
  phase('save + remove from store');
  for (const image of SERVICES) await must(['load', '-i', join(tars, `${image}-e2e.tar`)]);
  rmSync(tars, { recursive: true, force: true });
  phase('deliver (load tars)');
  // Group by group, as the seed: DataStorage must answer (workflows are seeded through it) before the apps go in.
  const deadline = Date.now() + 300_000;
  for (const [group, services] of GROUPS) {
    const ports: number[] = [];
    for (const service of services) {
      const port = await freePort();
      ports.push(port);
      const file = join(dir, '.seedflow', `${service}.json`);
      writeFileSync(file, podYaml(join(dir, 'manifests', group, `${service}.yaml`), id, service, port));
      await must(['kube', 'play', '--network', `${network(id)}:alias=${service}`, file]);
    }
    await Promise.all(ports.map((port) => waitHealthy(port, deadline)));
    phase(`deploy + wait ${group}`);
  }
  return phases;
}

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  if (first === '--cleanup' && second) return cleanup(second, true);
  if (!first || !second) throw new Error('usage: seed-flow.ts <project-dir> <id> | --cleanup <id>');
  mkdirSync(join(first, '.seedflow'), { recursive: true });
  const started = performance.now();
  const phases = await seedFlow(first, second);
  process.stdout.write(`${JSON.stringify({ totalMs: performance.now() - started, phases })}\n`);
}

if (process.argv[1]?.endsWith('seed-flow.ts')) await main();
