// Issue 14, eleventh round: an engine call cut mid-call, read by the family its clients print (engine-cut-forms.ts),
// each with a near miss where the same words are not the engine's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, podEvent } from './documented-forms.test-kit.js';

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

  // BuildKit's grpcerrors puts the code's name first (docker/buildx with the docker-container driver).
  it('BuildKit\'s named-code form: failed to list workers: Unavailable: connection error: desc = "error reading from server: EOF"', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: 'ERROR: failed to list workers: Unavailable: connection error: desc = "error reading from server: EOF"',
    });
    expect(d.top).toBe('engine-crash');
  });

  it("a write the engine's socket broke: write unix @->/var/run/docker.sock: write: broken pipe", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/build?t=app": write unix @->/var/run/docker.sock: write: broken pipe',
    });
    expect(d.top).toBe('engine-crash');
  });

  // containers/podman#1664's trace, cut before its cmd/podman frames: podman's own libpod code crashed.
  it('a test command whose Go crash runs through libpod (the trace cut before cmd/podman)', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 2,
      output: [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0xf3cef1]',
        '',
        'goroutine 1 [running]:',
        'github.com/containers/podman/v4/libpod.(*Container).State(0x0, 0x0, 0x0, 0x0)',
        '\t/builddir/build/BUILD/podman-4.4.1/libpod/container.go:658 +0x41',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: a test program's panic inside podman's client library (pkg/bindings) is the test's", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 2,
      output: [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        'goroutine 1 [running]:',
        'github.com/containers/podman/v4/pkg/bindings/containers.Start(0x0, 0xc0000a2000)',
        '\t/home/ci/go/pkg/mod/github.com/containers/podman/v4@v4.4.1/pkg/bindings/containers/containers.go:120 +0x41',
        'main.main()',
        '\t/src/e2e/main.go:33 +0x8f',
      ].join('\n'),
    });
    expect(d.top).not.toBe('engine-crash');
  });

  it("the kubelet's dial of the node's CRI-O refused (a pod event): the runtime went away, a hint", async () => {
    const message =
      'Failed to create pod sandbox: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /var/run/crio/crio.sock: connect: connection refused"';
    const d = await diagnoseShape(podEvent('api-0', 'ContainerCreating', 'FailedCreatePodSandBox', message));
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });
});
