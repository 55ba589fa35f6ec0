// Remote podman (a real `podman system service`) and the docker CLI against its Docker-compatible
// API, including the seed's crash: the service dies mid-build.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyEngineFailure } from '../../src/engines/classify.js';
import { detectEngine } from '../../src/engines/detect.js';
import { createDockerEngine } from '../../src/engines/docker.js';
import { envLabels } from '../../src/engines/labels.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import {
  buildContext,
  busyboxContext,
  eventually,
  processesMatching,
  startPodmanService,
  untilServiceAnswers,
  tempDir,
  type PodmanService,
} from '../fixtures/engines/e2e-kit.js';

const ENV = `e2e-engine-remote-${process.pid}`;
const LABELS = envLabels(ENV);
const REPO = `localhost/tarmac-e2e-remote-${process.pid}`;
const local = createPodmanEngine(runCommand);
const dir = tempDir('tarmac-e2e-remote-');
const services: PodmanService[] = [];
const tags: string[] = [];
let service: PodmanService;
let busybox = '';

function request(engineTag: string, context: string, signal?: AbortSignal) {
  tags.push(engineTag);
  return {
    tag: engineTag,
    contextDir: context,
    containerfile: join(context, 'Containerfile'),
    args: {},
    labels: LABELS,
    ...(signal ? { signal } : {}),
  };
}

/** Starts a service and waits until remote podman answers on it. */
async function serve(): Promise<PodmanService> {
  const started = startPodmanService(dir);
  services.push(started);
  await untilServiceAnswers(started.url);
  return started;
}

beforeAll(async () => {
  service = await serve();
  busybox = `${REPO}:busybox`;
  expect((await local.build(request(busybox, busyboxContext(dir)))).ok).toBe(true);
});

afterAll(async () => {
  for (const s of services) await s.kill();
  await local.removeContainers((await local.listContainers(LABELS)).map((c) => c.id));
  const external = await runCommand('podman', ['ps', '-a', '--external', '--format', '{{.ID}} {{.Image}}']);
  await local.removeContainers(
    external.stdout
      .split('\n')
      .map((l) => l.split(' '))
      .filter(([, image]) => image?.startsWith(REPO))
      .map(([id]) => id ?? ''),
  );
  for (const tag of tags.reverse()) if (await local.imageExists(tag)) await local.removeImage(tag);
  await local.prune(LABELS);
  rmSync(dir, { recursive: true, force: true });
});

describe('remote podman (real service)', () => {
  it('answers through --url and says it is remote', async () => {
    const remote = createPodmanEngine(runCommand, { url: service.url });
    // A generous budget: what is checked is that the answer comes through the service and says so, not how fast a
    // busy machine answers (5 s was missed once beside the parallel e2e files).
    expect((await remote.health(30_000)).detail).toMatch(/^podman \S+ \(server \S+\) answered in \d+ms$/);
    expect((await remote.info()).remote).toBe(true);
  });

  it('is chosen through CONTAINER_HOST', async () => {
    const { engine, explanation } = await detectEngine(
      { type: 'auto' },
      { runner: runCommand, env: { ...process.env, CONTAINER_HOST: service.url } },
    );
    expect(engine.env).toEqual({ CONTAINER_HOST: service.url });
    expect(explanation[0]).toMatch(/^CONTAINER_HOST \(podman remote\): found .*-> chosen$/);
  });
});

describe("docker CLI against podman's Docker-compatible API", () => {
  const docker = () => createDockerEngine(runCommand, { host: service.url });

  it('builds, inspects, tags, lists and prunes', async () => {
    const context = buildContext(dir, 'docker-hello', 'FROM scratch\nCOPY f /f\n', { f: '1\n' });
    const first = await docker().build(request(`${REPO}:docker`, context));
    expect(first.ok, `${first.command} exited ${String(first.exitCode)}:\n${first.stdout}\n${first.stderr}`).toBe(true);
    const firstId = (await docker().inspectImage(`${REPO}:docker`))?.id;
    expect(firstId).toMatch(/^[0-9a-f]{64}$/);
    expect((await docker().inspectImage(`${REPO}:docker`))?.labels).toMatchObject(LABELS);
    expect(await docker().imageExists(`${REPO}:never-built`)).toBe(false);
    await docker().tag(`${REPO}:docker`, `${REPO}:docker-copy`);
    tags.push(`${REPO}:docker-copy`);
    expect(await docker().imageExists(`${REPO}:docker-copy`)).toBe(true);
    await docker().removeImage(`${REPO}:docker-copy`);

    const created = await runCommand('podman', [
      'create',
      '--label',
      `io.tarmac.managed=true`,
      '--label',
      `io.tarmac.env=${ENV}`,
      busybox,
      '/bin/busybox',
      'true',
    ]);
    expect(created.ok).toBe(true);
    const containers = await docker().listContainers(LABELS);
    expect(containers.map((c) => c.id)).toEqual([created.stdout.trim()]);
    await docker().removeContainers(containers.map((c) => c.id));
    expect(await docker().listContainers(LABELS)).toEqual([]);

    writeFileSync(join(context, 'f'), '2\n'); // the first image becomes dangling
    const second = await docker().build(request(`${REPO}:docker`, context));
    expect(second.ok, `${second.command} exited ${String(second.exitCode)}:\n${second.stdout}\n${second.stderr}`).toBe(
      true,
    );
    expect(await docker().prune(LABELS)).toContain(firstId);
  });
});

describe("the engine dies mid-build (the seed's crash)", () => {
  it('returns exit 125 "server probably quit", classified ENGINE_UNREACHABLE; health then fails', async () => {
    const crashing = await serve();
    const remote = createPodmanEngine(runCommand, { url: crashing.url });
    const marker = `${8000 + (process.pid % 1000)}`; // an unusual duration, to find our process
    const context = buildContext(dir, 'crash', `FROM ${busybox}\nRUN ["/bin/busybox", "sleep", "${marker}"]\n`);
    const sleeping = () => processesMatching(`/bin/busybox sleep ${marker} `);
    try {
      const building = remote.build(request(`${REPO}:crash`, context));
      await eventually('the remote RUN step to be sleeping', async () => sleeping().length > 0);
      await crashing.kill();
      const result = await building;
      expect(result.exitCode).toBe(125);
      const failure = classifyEngineFailure(result);
      expect(failure).toMatchObject({ code: 'ENGINE_UNREACHABLE', exitCode: 3 });
      expect(failure?.evidence).toMatch(/server probably quit/);
      expect((await remote.health(3000)).ok).toBe(false);
    } finally {
      // The RUN process was the killed service's child; it is ours to end (by pid).
      for (const pid of sleeping()) process.kill(pid, 'SIGKILL');
    }
  });
});
