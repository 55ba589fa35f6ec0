import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { createPodmanEngine } from './podman.js';

import { engineAnswering, P } from './podman.test-kit.js';

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
    // What exec hands its runner, for a call made elsewhere (the read ahead of `tarmac test`).
    expect(engine.invocation(['ps', '--format', 'json'])).toEqual({
      cmd: 'podman',
      args: ['--url', 'unix:///run/x.sock', 'ps', '--format', 'json'],
      env: { CONTAINERS_CONF: '/c.conf' },
    });
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
