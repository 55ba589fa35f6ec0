import { describe, expect, it } from 'vitest';
import { createDockerEngine } from '../engines/docker.js';
import { createPodmanEngine } from '../engines/podman.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { engineHealer } from './recovery-heal.js';

const signal = new AbortController().signal;

describe('engineHealer', () => {
  it('restarts the default podman machine, stopping it first when it claims to run', async () => {
    const runner = fakeRunner(({ args }) =>
      args[1] === 'list'
        ? {
            stdout: JSON.stringify([
              { Name: 'other', Default: false, Running: false },
              { Name: 'podman-machine-default', Default: true, Running: true },
            ]),
          }
        : { stdout: '' },
    );
    const said = await engineHealer(createPodmanEngine(runner))(signal);
    expect(said).toBe('restarted podman machine podman-machine-default');
    expect(runner.calls.map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
      'podman machine list --format json',
      'podman machine stop podman-machine-default',
      'podman machine start podman-machine-default',
    ]);
    expect(runner.calls.every((c) => c.options.signal === signal)).toBe(true);
  });

  it('reports a failed start', async () => {
    const runner = fakeRunner(({ args }) =>
      args[1] === 'list'
        ? { stdout: '[{"Name":"m","Running":false}]' }
        : { exitCode: 125, stderr: 'Error: qemu exited' },
    );
    expect(await engineHealer(createPodmanEngine(runner))(signal)).toBe('podman machine start m failed: qemu exited');
  });

  it('cannot heal a remote API service it did not start, and runs nothing', async () => {
    const runner = fakeRunner(() => ({}));
    const viaEnv = createPodmanEngine(runner, { env: { CONTAINER_HOST: 'unix:///tmp/p.sock' } });
    expect(await engineHealer(viaEnv)(signal)).toBe(
      'cannot heal: the engine is the API service at unix:///tmp/p.sock, which tarmac did not start; waiting for it to come back',
    );
    const viaUrl = createPodmanEngine(runner, { url: 'unix:///tmp/q.sock' });
    expect(await engineHealer(viaUrl)(signal)).toMatch(/API service at unix:\/\/\/tmp\/q\.sock/);
    expect(await engineHealer(createDockerEngine(runner))(signal)).toMatch(
      /^cannot heal: tarmac does not restart the Docker daemon/,
    );
    expect(runner.calls).toEqual([]);
  });

  it('cannot heal podman without a machine (Linux)', async () => {
    const root = fakeRunner(() => ({
      exitCode: 125,
      stderr: 'Error: cannot run command "podman machine list" as root',
    }));
    expect(await engineHealer(createPodmanEngine(root))(signal)).toBe(
      'cannot heal: no podman machine to restart (cannot run command "podman machine list" as root); waiting',
    );
    const none = fakeRunner(() => ({ stdout: '[]' }));
    expect(await engineHealer(createPodmanEngine(none))(signal)).toBe(
      'cannot heal: podman runs without a machine here; waiting for it to come back',
    );
  });
});
