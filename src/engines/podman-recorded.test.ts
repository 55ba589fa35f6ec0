// The podman adapter over podman 4.3.1's recorded outputs, and its health check.
import { describe, expect, it } from 'vitest';
import { recorded, recording } from '../../test/fixtures/engines/recorded.js';
import { rejection } from './engine.test-kit.js';
import { createPodmanEngine } from './podman.js';

import { engineAnswering, LABELS, P } from './podman.test-kit.js';

describe('podman adapter: recorded outputs', () => {
  it('answers imageExists from the exit code', async () => {
    expect(await engineAnswering({ image: recorded(`${P}/image-exists`) }).engine.imageExists('x')).toBe(true);
    expect(await engineAnswering({ image: recorded(`${P}/image-exists-missing`) }).engine.imageExists('x')).toBe(false);
  });

  it('asks once for a ref it saw present, never remembers absence, and forgets all once it removes an image', async () => {
    const { engine, runner } = engineAnswering({
      'image exists': recorded(`${P}/image-exists`),
      'image rm': { exitCode: 0 },
    });
    const asked = () => runner.calls.filter((c) => c.args[1] === 'exists').length;
    expect(await engine.imageExists('localhost/a:1')).toBe(true);
    expect(await engine.imageExists('localhost/a:1')).toBe(true);
    expect(asked()).toBe(1);
    await engine.removeImage('localhost/other:1');
    expect(await engine.imageExists('localhost/a:1')).toBe(true);
    expect(asked()).toBe(2);
    const missing = engineAnswering({ image: recorded(`${P}/image-exists-missing`) });
    await missing.engine.imageExists('localhost/b:1');
    await missing.engine.imageExists('localhost/b:1');
    expect(missing.runner.calls).toHaveLength(2);
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
    // A service answered, which can stop: detection never remembers this answer (detect-memory.ts).
    expect(health.server).toBe(true);
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
