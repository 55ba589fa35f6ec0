import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from '../config/types.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../exec/fake-runner.test-kit.js';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { detectEngine } from './detect.js';
import { rejection } from './engine.test-kit.js';

const podmanUp = { ...recorded('podman-4.3.1/version'), durationMs: 48 };
const podmanRefused = recorded('podman-4.3.1/remote-refused-version');
const dockerDown = recorded('docker-28.2.2/no-daemon-version');
const dockerUp = { ...recorded('docker-28.2.2-podman-compat/version'), durationMs: 20 };

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A PATH holding stand-in executables with these names (never run: the runner is fake). */
function pathWith(...bins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-path-'));
  dirs.push(dir);
  for (const bin of bins) {
    writeFileSync(join(dir, bin), '#!/bin/sh\nexit 99\n');
    chmodSync(join(dir, bin), 0o755);
  }
  return dir;
}

function runnerFor(
  answers: Partial<Record<'podman' | 'docker', FakeAnswer | ((call: FakeCall) => FakeAnswer | Promise<FakeAnswer>)>>,
) {
  return fakeRunner((call) => {
    const answer = answers[call.cmd as 'podman' | 'docker'];
    if (!answer) throw new Error(`unexpected call: ${call.cmd}`);
    return typeof answer === 'function' ? answer(call) : answer;
  });
}

const auto: Env['engine'] = { type: 'auto' };

describe('detectEngine', () => {
  it('picks podman on this kind of machine and explains why docker was not used', async () => {
    const dir = pathWith('podman', 'docker');
    const runner = runnerFor({ podman: podmanUp, docker: dockerDown });
    const { engine, explanation } = await detectEngine(auto, { runner, env: { PATH: dir } });
    expect(engine.name).toBe('podman');
    expect(engine.commandLine([])).toBe('podman');
    expect(explanation).toEqual([
      'CONTAINER_HOST (podman remote): skipped, CONTAINER_HOST is not set',
      'DOCKER_HOST (docker): skipped, DOCKER_HOST is not set',
      `podman on PATH: found ${join(dir, 'podman')}, podman 4.3.1 answered in 48ms -> chosen`,
      `docker on PATH: client found at ${join(dir, 'docker')} but the daemon did not answer: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
    ]);
    expect(runner.calls.map((c) => [c.cmd, ...c.args])).toEqual([
      ['podman', 'version', '--format', 'json'],
      ['docker', 'version', '--format', 'json'],
    ]);
  });

  it('uses CONTAINER_HOST as remote podman, passing it to every call', async () => {
    const runner = runnerFor({ podman: podmanUp });
    const { engine, explanation } = await detectEngine(auto, {
      runner,
      env: { PATH: pathWith('podman'), CONTAINER_HOST: 'unix:///run/p.sock' },
    });
    expect(engine.env).toEqual({ CONTAINER_HOST: 'unix:///run/p.sock' });
    expect(runner.calls[0]?.options.env).toEqual({ CONTAINER_HOST: 'unix:///run/p.sock' });
    expect(explanation[0]).toMatch(
      /^CONTAINER_HOST \(podman remote\): found .*podman, podman 4.3.1 answered in 48ms -> chosen$/,
    );
    expect(explanation).toContain('podman on PATH: skipped, same as CONTAINER_HOST above');
  });

  it('prefers DOCKER_HOST over podman on PATH, and says podman was healthy but second', async () => {
    const { engine, explanation } = await detectEngine(auto, {
      runner: runnerFor({ podman: podmanUp, docker: dockerUp }),
      env: { PATH: pathWith('podman', 'docker'), DOCKER_HOST: 'tcp://d:2375' },
    });
    expect(engine.name).toBe('docker');
    expect(engine.env).toEqual({ DOCKER_HOST: 'tcp://d:2375' });
    expect(explanation.find((l) => l.startsWith('podman on PATH'))).toMatch(
      /podman 4.3.1 answered in 48ms; not chosen, DOCKER_HOST \(docker\) comes first$/,
    );
  });

  it('falls back from a dead CONTAINER_HOST to docker, explaining the failure', async () => {
    const { engine, explanation } = await detectEngine(auto, {
      runner: runnerFor({ podman: podmanRefused, docker: dockerUp }),
      env: { PATH: pathWith('podman', 'docker'), CONTAINER_HOST: 'unix:///gone.sock' },
    });
    expect(engine.name).toBe('docker');
    expect(explanation[0]).toMatch(
      /^CONTAINER_HOST \(podman remote\): found .* but it did not answer: unable to connect to Podman socket: .*connection refused$/,
    );
  });

  it('throws ENGINE_NOT_FOUND listing every strategy when nothing works', async () => {
    const error = await rejection(detectEngine(auto, { runner: runnerFor({}), env: { PATH: pathWith() } }));
    expect(error.code).toBe('ENGINE_NOT_FOUND');
    expect(error.exitCode).toBe(3);
    expect(error.details).toEqual([
      'CONTAINER_HOST (podman remote): skipped, CONTAINER_HOST is not set',
      'DOCKER_HOST (docker): skipped, DOCKER_HOST is not set',
      'podman on PATH: podman not found on PATH',
      'docker on PATH: docker not found on PATH',
    ]);
    expect(error.hint).toContain('Install podman');
  });

  it('does not fall back when the configured engine does not answer', async () => {
    const runner = runnerFor({ podman: podmanUp, docker: dockerDown });
    const error = await rejection(
      detectEngine({ type: 'docker' }, { runner, env: { PATH: pathWith('podman', 'docker') } }),
    );
    expect(error.code).toBe('ENGINE_UNREACHABLE');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('docker is configured in tarmac.yaml but does not answer');
    expect(error.details[0]).toMatch(
      /^docker \(configured in tarmac.yaml\): client found at .* but the daemon did not answer: Cannot connect/,
    );
    expect(runner.calls.map((c) => c.cmd)).toEqual(['docker']);
  });

  it('says a configured engine is not installed', async () => {
    const error = await rejection(
      detectEngine({ type: 'podman' }, { runner: runnerFor({}), env: { PATH: pathWith('docker') } }),
    );
    expect(error.code).toBe('ENGINE_NOT_FOUND');
    expect(error.message).toBe('podman is configured in tarmac.yaml but not installed');
  });

  it('passes a configured url and connection to the engine it creates', async () => {
    const runner = runnerFor({ podman: podmanUp });
    const { engine, explanation } = await detectEngine(
      { type: 'podman', url: 'ssh://core@m/run/podman.sock', connection: 'm' },
      { runner, env: { PATH: pathWith('podman') } },
    );
    expect(engine.commandLine([])).toBe('podman --url ssh://core@m/run/podman.sock --connection m');
    expect(explanation[0]).toMatch(
      /^podman \(configured in tarmac.yaml, url ssh:\/\/core@m\/run\/podman.sock, connection m\): found/,
    );
  });

  it('tries both engines on a configured url when the type is auto', async () => {
    const runner = runnerFor({ podman: podmanRefused, docker: dockerUp });
    const { engine } = await detectEngine(
      { type: 'auto', url: 'unix:///x.sock' },
      { runner, env: { PATH: pathWith('podman', 'docker') } },
    );
    expect(engine.commandLine([])).toBe('docker -H unix:///x.sock');
    expect(runner.calls.map((c) => c.args.slice(0, 2))).toEqual([
      ['--url', 'unix:///x.sock'],
      ['-H', 'unix:///x.sock'],
    ]);
  });

  it('does not wait long for a hanging probe once an earlier strategy won', async () => {
    const hang = (call: FakeCall): Promise<FakeAnswer> =>
      new Promise((resolve) =>
        call.options.signal?.addEventListener('abort', () =>
          resolve({ exitCode: undefined, signal: 'SIGTERM', cancelled: true }),
        ),
      );
    const started = Date.now();
    const { engine, explanation } = await detectEngine(auto, {
      runner: runnerFor({ podman: podmanUp, docker: hang }),
      env: { PATH: pathWith('podman', 'docker') },
      healthTimeoutMs: 60_000,
    });
    expect(engine.name).toBe('podman');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(explanation.at(-1)).toMatch(
      /^docker on PATH: found .*docker; not waited for, podman on PATH was chosen first$/,
    );
  });
});
