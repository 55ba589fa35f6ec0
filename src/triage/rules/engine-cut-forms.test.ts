// Issue 14, eleventh round: an engine call cut mid-call, read by the family its clients print (engine-cut-forms.ts),
// each with a near miss where the same words are not the engine's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe('the engine dropped a call it had taken', () => {
  // Go's older net.OpError form without `read: ` (moby/moby#17846, docker 1.9): the daemon reset the build's socket.
  it("Go's older reset read on the engine's socket: read unix /var/run/docker.sock: connection reset by peer", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'Step 3 : RUN useradd testuser\nAn error occurred trying to connect: Post http:///var/run/docker.sock/v1.21/build?t=x: read unix /var/run/docker.sock: connection reset by peer',
    });
    expect(d.top).toBe('engine-crash');
  });

  // grpc-go before 1.10 printed the code by number (moby/moby#31074: `rpc error: code = 13 desc = transport is closing`).
  it("gRPC's numeric status for a transport that went away: rpc error: code = 14 desc = transport is closing", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: 'Error response from daemon: rpc error: code = 14 desc = transport is closing',
    });
    expect(d.top).toBe('engine-crash');
  });

  // containers/podman pkg/bindings/images/build.go: the service's stream ended with neither an image ID nor an error.
  it("podman's remote build whose stream ended: stream dropped, unexpected failure", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output: 'STEP 4/9: RUN make\nError: stream dropped, unexpected failure',
    });
    expect(d.top).toBe('engine-crash');
  });

  // moby/moby#31849: dockerd lost its gRPC connection to containerd (a maintainer's reading); a hint only.
  it("dockerd's old gRPC client to its containerd: grpc: the connection is unavailable", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'docker: Error response from daemon: grpc: the connection is unavailable.',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("dockerd's dial of its own managed containerd (a space after unix, docker's socket path)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'docker: Error response from daemon: connection error: desc = "transport: Error while dialing dial unix /var/run/docker/containerd/docker-containerd.sock: connect: connection refused".',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // docker/cli over TCP (docker-archive-public/docker.machine#4052; docker/for-mac#3671 was a proxy): a hint, and the
  // engine is not "unreachable": it took the call.
  it('the Engine API over TCP ended a call in the probe: error during connect: Get http://h:4243/v1.39/version: EOF', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      output: 'error during connect: Get http://127.0.0.1:4243/v1.39/version: EOF',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('engine-unreachable')).toBeLessThan(0.35);
  });

  it("near miss: a RUN step's own gRPC client cut, in a step the builder blamed", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output: [
        'STEP 5/8: RUN ./fetch-schema',
        'rpc error: code = 14 desc = transport is closing',
        'Error: building at STEP "RUN ./fetch-schema": while running runtime: exit status 1',
      ].join('\n'),
    });
    expect(d.top).not.toBe('engine-crash');
    expect(d.of('engine-crash')).toBeLessThan(0.3);
  });

  it("near miss: a registry's EOF relayed by the daemon is no Engine API call cut", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error response from daemon: Get https://registry-1.docker.io/v2/library/alpine/manifests/3: EOF',
    });
    expect(d.top).not.toBe('engine-crash');
  });

  it("near miss: a test program's own gRPC service that went away, with the framework's failure", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: [
        '--- FAIL: TestOrders (0.02s)',
        '    orders_test.go:41: rpc error: code = 14 desc = transport is closing',
        'FAIL',
      ].join('\n'),
    });
    expect(d.top).toBe('tests-failed');
  });
});
