import { describe, expect, it } from 'vitest';
import { createDockerEngine } from '../../engines/docker.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { toolEnv } from './tool-env.js';

const runner = fakeRunner(() => ({}));

describe('toolEnv', () => {
  it('names the engine for kind and points KUBECONFIG at the private file', () => {
    const env = toolEnv(
      createPodmanEngine(runner, { env: { CONTAINERS_CONF: '/c.conf' } }),
      '/p/.tarmac/kube/x.kubeconfig',
    );
    expect(env).toEqual({
      CONTAINERS_CONF: '/c.conf',
      KIND_EXPERIMENTAL_PROVIDER: 'podman',
      KUBECONFIG: '/p/.tarmac/kube/x.kubeconfig',
    });
  });

  it("turns podman --url / --connection into the variables kind's own podman calls honour", () => {
    expect(toolEnv(createPodmanEngine(runner, { url: 'unix:///run/p.sock' }), '/k')).toMatchObject({
      CONTAINER_HOST: 'unix:///run/p.sock',
      KIND_EXPERIMENTAL_PROVIDER: 'podman',
    });
    expect(toolEnv(createPodmanEngine(runner, { connection: 'machine' }), '/k')).toMatchObject({
      CONTAINER_CONNECTION: 'machine',
    });
  });

  it('turns docker -H / --context into DOCKER_HOST / DOCKER_CONTEXT', () => {
    expect(toolEnv(createDockerEngine(runner, { host: 'tcp://h:2376' }), '/k')).toMatchObject({
      DOCKER_HOST: 'tcp://h:2376',
      KIND_EXPERIMENTAL_PROVIDER: 'docker',
    });
    expect(toolEnv(createDockerEngine(runner, { context: 'colima' }), '/k')).toMatchObject({
      DOCKER_CONTEXT: 'colima',
    });
  });

  it('puts an engine given by absolute path first on PATH, so kind finds the same binary', () => {
    const env = toolEnv(createPodmanEngine(runner, { bin: '/opt/podman/bin/podman' }), '/k', '/usr/bin');
    expect(env.PATH).toBe('/opt/podman/bin:/usr/bin');
    expect(toolEnv(createPodmanEngine(runner), '/k', '/usr/bin').PATH).toBeUndefined();
  });
});
