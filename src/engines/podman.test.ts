import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recorded, recording } from '../../test/fixtures/engines/recorded.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { answerByVerb, rejection } from './engine.test-kit.js';
import { createPodmanEngine, podmanGlobalArgs, type PodmanOptions } from './podman.js';

const P = 'podman-4.3.1';
const LABELS = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'tarmac-fixture-recording' };

/** A podman engine over a fake runner answering by verb. */
function engineAnswering(answers: Parameters<typeof answerByVerb>[0], options: PodmanOptions = {}) {
  const runner = answerByVerb(answers, podmanGlobalArgs(options).length);
  return { engine: createPodmanEngine(runner, options), runner };
}

describe('podman adapter: argv', () => {
  it('builds with chroot isolation, the managed label, sorted labels and build args, target, and streams lines', async () => {
    const { engine, runner } = engineAnswering({ build: recorded(`${P}/build-ok`) });
    const lines: string[] = [];
    const signal = new AbortController().signal;
    const result = await engine.build({
      tag: 'localhost/api:tm-1',
      contextDir: '/src/api',
      containerfile: '/src/api/Containerfile',
      args: { B: '2', A: '1' },
      target: 'prod',
      labels: { 'io.tarmac.env': 'dev' },
      signal,
      timeoutMs: 1000,
      onLine: (line) => lines.push(line),
    });
    expect(runner.calls[0]?.cmd).toBe('podman');
    expect(runner.calls[0]?.args).toEqual([
      'build',
      '--isolation=chroot',
      '-t',
      'localhost/api:tm-1',
      '-f',
      '/src/api/Containerfile',
      '--label',
      'io.tarmac.env=dev',
      '--label',
      'io.tarmac.managed=true',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B=2',
      '--target',
      'prod',
      '/src/api',
    ]);
    expect(runner.calls[0]?.options).toMatchObject({ signal, timeoutMs: 1000 });
    expect(result.ok).toBe(true);
    expect(lines.slice(0, 2)).toEqual(['STEP 1/4: FROM scratch', 'STEP 2/4: COPY hello.txt /hello.txt']);
    expect(lines).toContain('Successfully tagged localhost/tarmac-fixture:rec');
  });

  it('without --target, builds from a temp copy of the Containerfile with the labels as one LABEL instruction, removed afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarmac-labels-'));
    writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\nCOPY a /a\n');
    let seen = '';
    const { engine, runner } = engineAnswering({
      build: () => {
        seen = readFileSync(runner.calls.at(-1)!.args[5]!, 'utf8');
        return recorded(`${P}/build-ok`);
      },
    });
    await engine.build({
      tag: 't:1',
      contextDir: dir,
      containerfile: join(dir, 'Containerfile'),
      args: { A: '1' },
      labels: { 'io.tarmac.env': 'dev', 'io.tarmac.run': '20261129-000001-f569' },
    });
    const args = runner.calls[0]!.args;
    expect(args).toEqual(['build', '--isolation=chroot', '-t', 't:1', '-f', args[5], '--build-arg', 'A=1', dir]);
    // Named like the run's other temp files, so reconcile sweeps it if the run is killed mid-build.
    expect(basename(args[5]!)).toMatch(/^tarmac-20261129-000001-f569-containerfile-[0-9a-f]{8}$/);
    expect(seen).toBe(
      'FROM scratch\nCOPY a /a\nLABEL io.tarmac.env=dev io.tarmac.managed=true io.tarmac.run=20261129-000001-f569\n',
    );
    expect(existsSync(args[5]!)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to --label flags when the Containerfile cannot be read here (podman reports it)', async () => {
    const { engine, runner } = engineAnswering({ build: recorded(`${P}/build-ok`) });
    await engine.build({
      tag: 't:1',
      contextDir: '/nowhere',
      containerfile: '/nowhere/Containerfile',
      args: {},
      labels: {},
    });
    expect(runner.calls[0]?.args).toEqual([
      'build',
      '--isolation=chroot',
      '-t',
      't:1',
      '-f',
      '/nowhere/Containerfile',
      '--label',
      'io.tarmac.managed=true',
      '/nowhere',
    ]);
  });

  it('leaves isolation to podman with isolation "default", and passes oci through', async () => {
    for (const [isolation, flag] of [
      ['default', undefined],
      ['oci', '--isolation=oci'],
    ] as const) {
      const { engine, runner } = engineAnswering({ build: recorded(`${P}/build-ok`) }, { isolation });
      await engine.build({ tag: 't', contextDir: '.', containerfile: 'Containerfile', args: {}, labels: {} });
      expect(runner.calls[0]?.args[1]).toBe(flag ?? '-t');
    }
  });

  it('puts --url and --connection before every verb and passes the engine env', async () => {
    const { engine, runner } = engineAnswering(
      { tag: recorded(`${P}/tag`) },
      { url: 'unix:///run/x.sock', connection: 'm1', env: { CONTAINERS_CONF: '/c.conf' } },
    );
    expect(engine.argvPrefix).toEqual(['podman', '--url', 'unix:///run/x.sock', '--connection', 'm1']);
    await engine.tag('a', 'b');
    expect(runner.calls[0]?.args).toEqual(['--url', 'unix:///run/x.sock', '--connection', 'm1', 'tag', 'a', 'b']);
    expect(runner.calls[0]?.options.env).toEqual({ CONTAINERS_CONF: '/c.conf' });
  });

  it('exec runs any verb behind the connection flags, or the bare binary when host-local', async () => {
    const runner = fakeRunner(() => ({ stdout: '[]' }));
    const engine = createPodmanEngine(runner, { url: 'unix:///run/x.sock', env: { CONTAINERS_CONF: '/c.conf' } });
    expect(engine.endpoint).toBe('--url unix:///run/x.sock');
    expect(engine.commandLine(['info'])).toBe('podman --url unix:///run/x.sock info');
    await engine.exec(['ps', '--format', 'json'], { env: { EXTRA: '1' } });
    await engine.exec(['machine', 'list'], { hostLocal: true });
    expect(runner.calls.map((c) => [c.cmd, ...c.args])).toEqual([
      ['podman', '--url', 'unix:///run/x.sock', 'ps', '--format', 'json'],
      ['podman', 'machine', 'list'],
    ]);
    expect(runner.calls[0]?.options.env).toEqual({ CONTAINERS_CONF: '/c.conf', EXTRA: '1' });
    expect(engine.toolEnv()).toMatchObject({ CONTAINER_HOST: 'unix:///run/x.sock', CONTAINERS_CONF: '/c.conf' });
  });

  it('lists images by their first label only and checks every label on the answer', async () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    const inspect = JSON.stringify([
      { Id: `sha256:${a}`, RepoTags: ['x:1'], Size: 1, Labels: { 'io.tarmac.env': 'e', 'io.tarmac.managed': 'true' } },
      { Id: `sha256:${b}`, RepoTags: ['y:1'], Size: 1, Labels: { 'io.tarmac.env': 'e' } },
    ]);
    const { engine, runner } = engineAnswering({
      images: { stdout: `sha256:${a}\nsha256:${b}\nsha256:${a}` },
      'image inspect': { stdout: inspect },
    });
    const images = await engine.listImages({ 'io.tarmac.env': 'e', 'io.tarmac.managed': 'true' });
    expect(images.map((i) => i.id)).toEqual([a]);
    expect(runner.calls[0]?.args).toEqual(['images', '-q', '--no-trunc', '--filter', 'label=io.tarmac.env=e']);
    expect(runner.calls[1]?.args).toEqual(['image', 'inspect', a, b]);
  });

  it('saves, loads, and pushes/pulls with --tls-verify=false only when insecure', async () => {
    const ok = { exitCode: 0 };
    const { engine, runner } = engineAnswering({
      save: recorded(`${P}/save`),
      load: recorded(`${P}/load`),
      push: ok,
      pull: ok,
    });
    await engine.save('img:1', '/tmp/img.tar');
    await engine.load('/tmp/img.tar');
    await engine.push('127.0.0.1:5000/img:1', { insecure: true });
    await engine.pull('127.0.0.1:5000/img:1', { insecure: false });
    expect(runner.calls.map((c) => c.args)).toEqual([
      ['save', '-o', '/tmp/img.tar', 'img:1'],
      ['load', '-i', '/tmp/img.tar'],
      ['push', '--tls-verify=false', '127.0.0.1:5000/img:1'],
      ['pull', '127.0.0.1:5000/img:1'],
    ]);
  });
});

describe('podman adapter: recorded outputs', () => {
  it('answers imageExists from the exit code', async () => {
    expect(await engineAnswering({ image: recorded(`${P}/image-exists`) }).engine.imageExists('x')).toBe(true);
    expect(await engineAnswering({ image: recorded(`${P}/image-exists-missing`) }).engine.imageExists('x')).toBe(false);
  });

  it('throws ENGINE_UNREACHABLE when the engine cannot be reached', async () => {
    const error = await rejection(
      engineAnswering({ image: recorded(`${P}/unreachable-version`) }).engine.imageExists('x'),
    );
    expect(error.code).toBe('ENGINE_UNREACHABLE');
    expect(error.exitCode).toBe(3);
    expect(error.hint).toContain('podman machine start');
  });

  it('parses image inspect, and returns undefined for a missing image', async () => {
    const raw = (JSON.parse(recording(`${P}/image-inspect`).stdout) as { Id: string; Created: string }[])[0];
    const image = await engineAnswering({ 'image inspect': recorded(`${P}/image-inspect`) }).engine.inspectImage(
      'localhost/tarmac-fixture:rec',
    );
    expect(image).toMatchObject({
      id: raw?.Id,
      tags: ['localhost/tarmac-fixture:rec'],
      created: raw?.Created,
      labels: { ...LABELS, 'io.buildah.version': '1.28.2' },
    });
    expect(image?.sizeBytes).toBeGreaterThan(0);
    expect(
      await engineAnswering({ 'image inspect': recorded(`${P}/image-inspect-missing`) }).engine.inspectImage('x'),
    ).toBeUndefined();
  });

  it('turns a failed tag into ENGINE_COMMAND_FAILED with the output as details', async () => {
    const error = await rejection(
      engineAnswering({ tag: recorded(`${P}/tag-missing`) }).engine.tag('localhost/tarmac-fixture:missing', 'x'),
    );
    expect(error.code).toBe('ENGINE_COMMAND_FAILED');
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(
      'Could not tag image localhost/tarmac-fixture:missing as x: `podman tag localhost/tarmac-fixture:missing x` exited 125',
    );
    expect(error.details).toEqual(['Error: localhost/tarmac-fixture:missing: image not known']);
    expect(error.hint).toBe('Check that the source image exists.');
  });

  it('does not call a refused registry push an unreachable engine', async () => {
    const error = await rejection(
      engineAnswering({ push: recorded(`${P}/push-refused`) }).engine.push('x', { insecure: true }),
    );
    expect(error.code).toBe('ENGINE_COMMAND_FAILED');
    expect(error.hint).toBe('Check that the registry is running and reachable.');
  });

  it('lists containers by label from the JSON array, filtering label matches again', async () => {
    const { engine, runner } = engineAnswering({ ps: recorded(`${P}/ps-labelled`) });
    const containers = await engine.listContainers(LABELS);
    expect(runner.calls[0]?.args).toEqual([
      'ps',
      '-a',
      '--filter',
      'label=io.tarmac.env=tarmac-fixture-recording',
      '--filter',
      'label=io.tarmac.managed=true',
      '--format',
      'json',
    ]);
    expect(containers.map((c) => [c.names, c.state, c.image])).toEqual([
      [['tarmac-fixture-running'], 'running', 'localhost/tarmac-fixture:busybox'],
      [['tarmac-fixture-created'], 'created', 'localhost/tarmac-fixture:busybox'],
    ]);
    expect(containers[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await engine.listContainers({ ...LABELS, 'io.tarmac.run': 'other' })).toEqual([]);
    expect(await engineAnswering({ ps: recorded(`${P}/ps-empty`) }).engine.listContainers(LABELS)).toEqual([]);
  });

  it('removes containers with rm -f -t 0 (no 10s stop wait), and makes no call for none', async () => {
    const { engine, runner } = engineAnswering({ rm: recorded(`${P}/rm-containers`) });
    await engine.removeContainers([]);
    await engine.removeContainers(['a', 'b']);
    expect(runner.calls.map((c) => c.args)).toEqual([['rm', '-f', '-t', '0', 'a', 'b']]);
  });

  it('prunes dangling images only when every label matches, removing them by id', async () => {
    const { engine, runner } = engineAnswering({
      images: recorded(`${P}/images-dangling`),
      'image inspect': recorded(`${P}/image-inspect-dangling`),
      'image rm': { exitCode: 0 },
    });
    const id = recording(`${P}/images-dangling`).stdout.replace('sha256:', '');
    expect(await engine.prune(LABELS)).toEqual([id]);
    expect(runner.calls.map((c) => c.args)).toEqual([
      [
        'images',
        '-q',
        '--no-trunc',
        '--filter',
        'dangling=true',
        '--filter',
        'label=io.tarmac.env=tarmac-fixture-recording',
        '--filter',
        'label=io.tarmac.managed=true',
      ],
      ['image', 'inspect', id],
      ['image', 'rm', id],
    ]);
    // podman 4.3.1 ORs label filters: a candidate with a different env label must survive.
    expect(await engine.prune({ ...LABELS, 'io.tarmac.env': 'someone-else' })).toEqual([]);
    expect(runner.calls.filter((c) => c.args[1] === 'rm')).toHaveLength(1);
  });

  it('refuses to prune without labels', async () => {
    await expect(engineAnswering({}).engine.prune({})).rejects.toThrow('prune() needs at least one label');
  });

  it('parses info, local and remote', async () => {
    const local = await engineAnswering({ info: recorded(`${P}/info`) }).engine.info();
    expect(local).toMatchObject({
      name: 'podman',
      version: '4.3.1',
      remote: false,
      rootless: false,
      storageRoot: '/var/lib/containers/storage',
      cpus: 2,
    });
    expect(local.memTotalBytes).toBeGreaterThan(1_000_000);
    const remote = await engineAnswering({ info: recorded(`${P}/remote-info`) }).engine.info();
    expect(remote.remote).toBe(true);
  });
});

describe('podman adapter: health', () => {
  it('reports the version and the time it took', async () => {
    const { engine, runner } = engineAnswering({ version: { ...recorded(`${P}/version`), durationMs: 31 } });
    expect(await engine.health(5000)).toEqual({ ok: true, detail: 'podman 4.3.1 answered in 31ms', durationMs: 31 });
    expect(runner.calls[0]?.args).toEqual(['version', '--format', 'json']);
    expect(runner.calls[0]?.options.timeoutMs).toBe(5000);
  });

  it('names the server of a remote podman', async () => {
    const health = await engineAnswering({
      version: { ...recorded(`${P}/remote-version`), durationMs: 12 },
    }).engine.health(5000);
    expect(health.detail).toBe('podman 4.3.1 (server 4.3.1) answered in 12ms');
  });

  it('reports an unreachable socket, a timeout and a crashing runner without throwing', async () => {
    const refused = await engineAnswering({ version: recorded(`${P}/remote-refused-version`) }).engine.health(5000);
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/^unable to connect to Podman socket: .*connect: connection refused$/);
    const slow = await engineAnswering({
      version: { exitCode: undefined, signal: 'SIGTERM', timedOut: true, timeoutMs: 5000 },
    }).engine.health(5000);
    expect(slow).toMatchObject({ ok: false, detail: 'no answer within 5.0s' });
    const broken = createPodmanEngine(() => Promise.reject(new Error('runner bug')));
    expect(await broken.health(5000)).toEqual({ ok: false, detail: 'runner bug', durationMs: 0 });
  });
});
