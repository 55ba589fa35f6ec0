// Issue 14, eleventh round: an engine that took a call and did not answer it, read by the families its clients and
// its own inner calls print (engine-hung.ts), each with a near miss where the same deadline is the network's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, podEvent } from './documented-forms.test-kit.js';

describe('the engine did not answer in time', () => {
  // golang/go src/net/http/client.go: the answer had begun, its body never came.
  it("Go's client timed out reading the engine's answer: Client.Timeout exceeded while reading body", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      output:
        'error during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.43/version": net/http: request canceled (Client.Timeout exceeded while reading body)',
    });
    expect(d.top).toBe('engine-hung');
  });

  // containers/podman libpod/util.go WaitForFile: conmon's exit file never came.
  it('podman waiting for conmon: timed out waiting for file ...: internal libpod error', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 125,
      output: 'Error: timed out waiting for file /run/user/1000/libpod/tmp/exits/3f2a9c0d1b7e: internal libpod error',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("dockerd's own call to containerd ran out its deadline: Error response from daemon: ...: context deadline exceeded", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: 'Error response from daemon: failed to create task for container: context deadline exceeded',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("the kubelet's call on the node runtime ran out its deadline (a pod event)", async () => {
    const message = 'Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded';
    const d = await diagnoseShape(podEvent('api-0', 'ContainerCreating', 'FailedCreatePodSandBox', message));
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: the daemon's call to a registry ran out its deadline (a URL on the line: the network's)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": context deadline exceeded',
    });
    expect(d.top).not.toBe('engine-hung');
  });

  it('near miss: a pull whose deadline ran out in a pod event is the registry, not the runtime', async () => {
    const message =
      'Failed to pull image "nginx:1": rpc error: code = DeadlineExceeded desc = context deadline exceeded';
    const d = await diagnoseShape(podEvent('web-0', 'ErrImagePull', 'Failed', message));
    expect(d.top).not.toBe('engine-hung');
  });

  it("near miss: a RUN step's own program that waited for a file", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output: [
        'STEP 3/5: RUN ./wait-for /tmp/ready',
        'timed out waiting for file /tmp/ready',
        'Error: building at STEP "RUN ./wait-for /tmp/ready": while running runtime: exit status 1',
      ].join('\n'),
    });
    expect(d.top).not.toBe('engine-hung');
  });
});

describe("an engine service whose start never completed (systemd's timeout)", () => {
  // systemd src/shared/bus-wait-for-jobs.c.
  it('Job for docker.service failed because a timeout was exceeded', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      // systemd before 236 printed the hint on the same line.
      output:
        'Job for docker.service failed because a timeout was exceeded. See "systemctl status docker.service" and "journalctl -xe" for details.',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.of('engine-unreachable')).toBeLessThan(0.5);
  });

  it('near miss: a start that failed (the control process exited) is no hang', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      output:
        'Job for docker.service failed because the control process exited with error code. See "systemctl status docker.service" and "journalctl -xe" for details.',
    });
    expect(d.top).not.toBe('engine-hung');
  });
});

describe('a container the engine killed and never saw exit', () => {
  // containers/podman libpod oci_conmon: the container's processes did not die after SIGKILL.
  it('podman: given PID did not die within timeout', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 125,
      output:
        'Error: cannot remove container 8dda5b7c95ec as it could not be stopped: given PID did not die within timeout',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // moby/moby daemon/kill.go.
  it('docker: tried to kill container, but did not receive an exit event', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'Error response from daemon: cannot stop container: web: tried to kill container, but did not receive an exit event',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a test framework's own process that did not die is the test's", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'FAILED tests/test_worker.py::test_stop - Failed: Process did not die within timeout\n1 failed',
    });
    expect(d.top).toBe('tests-failed');
  });
});
