import { describe, expect, it } from 'vitest';
import { recorded, recording } from '../../test/fixtures/engines/recorded.js';
import { createDockerEngine, dockerGlobalArgs, type DockerOptions } from './docker.js';
import { answerByVerb, rejection } from './engine.test-kit.js';

const D = 'docker-28.2.2';
const C = 'docker-28.2.2-podman-compat';
const LABELS = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'tarmac-fixture-recording' };

function engineAnswering(answers: Parameters<typeof answerByVerb>[0], options: DockerOptions = {}) {
  const runner = answerByVerb(answers, dockerGlobalArgs(options).length);
  return { engine: createDockerEngine(runner, options), runner };
}

describe('docker adapter: argv', () => {
  it('uses -H for a configured host, --context otherwise, never both', () => {
    expect(createDockerEngine(answerByVerb({}), { host: 'tcp://h:2376', context: 'c' }).argvPrefix).toEqual([
      'docker',
      '-H',
      'tcp://h:2376',
    ]);
    expect(createDockerEngine(answerByVerb({}), { context: 'c' }).argvPrefix).toEqual(['docker', '--context', 'c']);
    expect(createDockerEngine(answerByVerb({})).argvPrefix).toEqual(['docker']);
  });

  it('builds without podman flags and pushes without a TLS flag', async () => {
    const { engine, runner } = engineAnswering(
      { build: recorded(`${C}/build-ok`), push: { exitCode: 0 } },
      { host: 'unix:///d.sock' },
    );
    const result = await engine.build({
      tag: 't:1',
      contextDir: '/c',
      containerfile: '/c/Dockerfile',
      args: {},
      labels: { k: 'v' },
    });
    await engine.push('t:1', { insecure: true });
    expect(runner.calls.map((c) => c.args)).toEqual([
      [
        '-H',
        'unix:///d.sock',
        'build',
        '-t',
        't:1',
        '-f',
        '/c/Dockerfile',
        '--label',
        'io.tarmac.managed=true',
        '--label',
        'k=v',
        '/c',
      ],
      ['-H', 'unix:///d.sock', 'push', 't:1'],
    ]);
    expect(result.tail).toContain(
      'Successfully built ' + /Successfully built (\w+)/.exec(recording(`${C}/build-ok`).stdout)?.[1],
    );
  });

  it('checks existence with image inspect and treats "No such image" as missing', async () => {
    const { engine, runner } = engineAnswering({ image: recorded(`${C}/image-exists-missing`) });
    expect(await engine.imageExists('localhost/tarmac-fixture:missing')).toBe(false);
    expect(runner.calls[0]?.args).toEqual([
      'image',
      'inspect',
      '--format',
      '{{.Id}}',
      'localhost/tarmac-fixture:missing',
    ]);
  });
});

describe('docker adapter: recorded outputs', () => {
  it('parses image inspect (labels under Config, sha256: prefix dropped)', async () => {
    const raw = (JSON.parse(recording(`${C}/image-inspect`).stdout) as { Id: string }[])[0];
    const image = await engineAnswering({ 'image inspect': recorded(`${C}/image-inspect`) }).engine.inspectImage('x');
    expect(image).toMatchObject({
      id: raw?.Id.replace('sha256:', ''),
      tags: ['localhost/tarmac-fixture:drec'],
      labels: LABELS,
    });
    expect(
      await engineAnswering({ 'image inspect': recorded(`${C}/image-inspect-missing`) }).engine.inspectImage('x'),
    ).toBeUndefined();
  });

  it('lists containers from one JSON object per line with comma-separated names and labels', async () => {
    const { engine, runner } = engineAnswering({ ps: recorded(`${C}/ps-labelled`) });
    const containers = await engine.listContainers(LABELS);
    expect(runner.calls[0]?.args.slice(0, 3)).toEqual(['ps', '-a', '--no-trunc']);
    expect(containers.map((c) => [c.names, c.state])).toEqual([
      [['tarmac-fixture-created'], 'created'],
      [['tarmac-fixture-running'], 'running'],
    ]);
    expect(containers[0]?.labels).toEqual({ ...LABELS, 'io.buildah.version': '1.28.2' });
    expect(containers[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await engineAnswering({ ps: recorded(`${C}/ps-empty`) }).engine.listContainers(LABELS)).toEqual([]);
  });

  it('prunes by id after checking labels on the docker inspect shape', async () => {
    const { engine } = engineAnswering({
      images: recorded(`${C}/images-dangling`),
      'image inspect': recorded(`${C}/image-inspect-dangling`),
      'image rm': { exitCode: 0 },
    });
    expect(await engine.prune(LABELS)).toEqual([recording(`${C}/images-dangling`).stdout.replace('sha256:', '')]);
  });

  it('parses info from a daemon', async () => {
    const info = await engineAnswering({ info: recorded(`${C}/info`) }).engine.info();
    expect(info).toMatchObject({
      name: 'docker',
      version: '4.3.1',
      remote: true,
      rootless: false,
      storageRoot: '/var/lib/containers/storage',
      cpus: 2,
    });
  });

  it('throws ENGINE_UNREACHABLE (exit 3) for info without a daemon', async () => {
    const error = await rejection(engineAnswering({ info: recorded(`${D}/no-daemon-info`) }).engine.info());
    expect(error.code).toBe('ENGINE_UNREACHABLE');
    expect(error.exitCode).toBe(3);
    expect(error.details).toContain(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
    expect(error.hint).toContain('Docker daemon');
  });

  it('is healthy only when a daemon answers', async () => {
    const down = await engineAnswering({ version: recorded(`${D}/no-daemon-version`) }).engine.health(5000);
    expect(down).toMatchObject({
      ok: false,
      detail: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    });
    const up = await engineAnswering({ version: { ...recorded(`${C}/version`), durationMs: 9 } }).engine.health(5000);
    expect(up).toEqual({ ok: true, detail: 'docker 28.2.2 answered in 9ms', durationMs: 9, server: true });
    const clientOnly = await engineAnswering({
      version: { exitCode: 0, stdout: recording(`${D}/no-daemon-version`).stdout },
    }).engine.health(5000);
    expect(clientOnly).toMatchObject({ ok: false, detail: 'the docker client answered, but no daemon did' });
  });
});
