import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from '../config/types.js';
import { fakeRunner, type FakeAnswer } from '../exec/fake-runner.test-kit.js';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { detectEngine } from './detect.js';
import { DETECTION_MAX_AGE_MS, envDetectionMemory, podmanConfigFiles, type DetectionMemory } from './detect-memory.js';
import { rejection } from './engine.test-kit.js';

const podmanLocal = recorded('podman-4.3.1/version');
const podmanRemote = recorded('podman-4.3.1/remote-version');
const dockerDown = recorded('docker-28.2.2/no-daemon-version');
const auto: Env['engine'] = { type: 'auto' };

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-detect-memory-'));
  dirs.push(dir);
  return dir;
}

/** A PATH with stand-in binaries (never run: the runner is fake), and a memory file with a settable clock. */
function world(...bins: string[]) {
  const path = tempDir();
  for (const bin of bins) {
    writeFileSync(join(path, bin), '#!/bin/sh\nexit 99\n');
    chmodSync(join(path, bin), 0o755);
  }
  const clock = { now: 1_000_000 };
  const memory: DetectionMemory = { file: join(tempDir(), 'engine-detection.json'), now: () => clock.now };
  return { path, clock, memory };
}

function runnerFor(answers: Partial<Record<string, FakeAnswer>>) {
  return fakeRunner((call) => {
    const answer = answers[call.cmd];
    if (!answer) throw new Error(`unexpected call: ${call.cmd}`);
    return answer;
  });
}

describe('remembered engine detection', () => {
  it('asks a local podman once, then reuses its answer and says so', async () => {
    const { path, memory } = world('podman');
    const runner = runnerFor({ podman: podmanLocal });
    const first = await detectEngine(auto, { runner, env: { PATH: path }, memory });
    const second = await detectEngine(auto, { runner, env: { PATH: path }, memory });
    expect(runner.calls).toHaveLength(1);
    expect(second.engine.name).toBe('podman');
    expect(second.engine.commandLine([])).toBe('podman');
    expect(second.explanation.slice(0, -1)).toEqual(first.explanation);
    expect(second.explanation.at(-1)).toMatch(/^\(remembered from a detection 0s ago/);
  });

  it('asks again once the answer is older than the bound, or from the future', async () => {
    const { path, clock, memory } = world('podman');
    const runner = runnerFor({ podman: podmanLocal });
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    clock.now += DETECTION_MAX_AGE_MS + 1;
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    clock.now -= 60_000 + DETECTION_MAX_AGE_MS;
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    expect(runner.calls).toHaveLength(3);
  });

  it('asks again when the binary changed on disk or another one is first on PATH', async () => {
    const { path, memory } = world('podman');
    const runner = runnerFor({ podman: podmanLocal });
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    utimesSync(join(path, 'podman'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    const shim = world('podman').path;
    await detectEngine(auto, { runner, env: { PATH: `${shim}:${path}` }, memory });
    expect(runner.calls).toHaveLength(3);
  });

  it('asks again when the settings podman reads changed (CONTAINERS_CONF, its content, the engine config)', async () => {
    const { path, memory } = world('podman');
    const conf = join(tempDir(), 'containers.conf');
    writeFileSync(conf, '[engine]\n');
    const runner = runnerFor({ podman: podmanLocal });
    const env = { PATH: path, CONTAINERS_CONF: conf };
    await detectEngine(auto, { runner, env, memory });
    await detectEngine(auto, { runner, env, memory });
    expect(runner.calls).toHaveLength(1);
    writeFileSync(conf, '[engine]\nruntime = "runc"\n');
    await detectEngine(auto, { runner, env, memory });
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    await detectEngine({ type: 'podman' }, { runner, env: { PATH: path }, memory });
    expect(runner.calls).toHaveLength(4);
  });

  it("asks again when the user's default containers.conf or storage.conf changes, or one is added", async () => {
    const { path, memory } = world('podman');
    const config = tempDir();
    const runner = runnerFor({ podman: podmanLocal });
    const env = { PATH: path, XDG_CONFIG_HOME: config };
    await detectEngine(auto, { runner, env, memory });
    await detectEngine(auto, { runner, env, memory });
    expect(runner.calls).toHaveLength(1);
    mkdirSync(join(config, 'containers'));
    writeFileSync(join(config, 'containers', 'containers.conf'), '[engine]\n');
    await detectEngine(auto, { runner, env, memory });
    expect(runner.calls).toHaveLength(2);
    writeFileSync(join(config, 'containers', 'storage.conf'), '[storage]\ndriver = "vfs"\n');
    await detectEngine(auto, { runner, env, memory });
    await detectEngine(auto, { runner, env, memory });
    expect(runner.calls).toHaveLength(3);
    expect(podmanConfigFiles(env)).toContain(join(config, 'containers', 'containers.conf.d'));
  });

  it('never remembers a podman whose service answered (it can stop), nor docker', async () => {
    const remote = world('podman');
    const runner = runnerFor({ podman: podmanRemote });
    await detectEngine({ type: 'podman' }, { runner, env: { PATH: remote.path }, memory: remote.memory });
    await detectEngine({ type: 'podman' }, { runner, env: { PATH: remote.path }, memory: remote.memory });
    expect(runner.calls).toHaveLength(2);
    const docker = world('docker');
    const dockerRunner = runnerFor({ docker: recorded('docker-28.2.2-podman-compat/version') });
    await detectEngine({ type: 'docker' }, { runner: dockerRunner, env: { PATH: docker.path }, memory: docker.memory });
    await detectEngine({ type: 'docker' }, { runner: dockerRunner, env: { PATH: docker.path }, memory: docker.memory });
    expect(dockerRunner.calls).toHaveLength(2);
  });

  it('never remembers a podman that won only because an earlier strategy failed', async () => {
    const { path, memory } = world('podman', 'docker');
    const runner = runnerFor({ podman: podmanLocal, docker: dockerDown });
    const env = { PATH: path, DOCKER_HOST: 'tcp://d:2375' };
    await detectEngine(auto, { runner, env, memory });
    await detectEngine(auto, { runner, env, memory });
    expect(runner.calls.filter((c) => c.cmd === 'docker')).toHaveLength(2);
    expect(runner.calls.filter((c) => c.cmd === 'podman')).toHaveLength(2);
  });

  it('never remembers a failure: a podman that did not answer is asked again, and fails again', async () => {
    const { path, memory } = world('podman');
    const runner = runnerFor({ podman: recorded('podman-4.3.1/unreachable-version') });
    const first = await rejection(detectEngine({ type: 'podman' }, { runner, env: { PATH: path }, memory }));
    const second = await rejection(detectEngine({ type: 'podman' }, { runner, env: { PATH: path }, memory }));
    expect([first.code, second.code]).toEqual(['ENGINE_UNREACHABLE', 'ENGINE_UNREACHABLE']);
    expect(runner.calls).toHaveLength(2);
  });

  it('ignores an unreadable memory file, and is off with TARMAC_ENGINE_MEMORY=off', async () => {
    const { path, memory } = world('podman');
    writeFileSync(memory.file, '{not json');
    const runner = runnerFor({ podman: podmanLocal });
    await detectEngine(auto, { runner, env: { PATH: path }, memory });
    expect(runner.calls).toHaveLength(1);
    expect(envDetectionMemory('/x/.tarmac', { TARMAC_ENGINE_MEMORY: 'off' })).toBeUndefined();
    expect(envDetectionMemory('/x/.tarmac', {})).toEqual({ file: '/x/.tarmac/engine-detection.json' });
  });
});
