// Issue 14, generalisation: an engine that crashed or hangs, as the engine, its runtime, systemd and its clients
// print it (no corpus case was read for these). Each form cites its emitter and has a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe('the engine crashed, in the words of the Go runtime, systemd and the runtime under it', () => {
  it.each([
    // golang/go src/runtime/signal_unix.go with the names of sigtab_linux_generic.go: a fatal signal's header.
    ['SIGABRT: abort\nPC=0x46c2a1 m=0 sigcode=0\n\ngoroutine 0 [idle]:\nruntime.futex(0x1, 0x2)'],
    ['SIGILL: illegal instruction\nPC=0x55d2c1 m=3 sigcode=2\n\ngoroutine 1 [running]:'],
    // systemd/systemd src/core/service.c and src/core/unit.c: the engine service's main process died of a fault.
    [
      "docker.service: Main process exited, code=dumped, status=11/SEGV\ndocker.service: Failed with result 'core-dump'.",
    ],
    ['podman.service: Main process exited, code=killed, status=6/ABRT'],
  ])('the probe: %s', async (output) => {
    const d = await diagnoseShape({ phase: 'engine-probe', output, exitCode: 2 });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("near miss: Go's SIGQUIT dump someone asked for is a hang, not a crash", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      output: 'SIGQUIT: quit\nPC=0x46c2a1 m=0 sigcode=0\n\ngoroutine 0 [idle]:',
      exitCode: 2,
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  it('near miss: an engine service that exited with a status was not killed by a fault', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      output:
        "docker.service: Main process exited, code=exited, status=1/FAILURE\ndocker.service: Failed with result 'exit-code'.",
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  it.each([
    // containerd/ttrpc errors.go (client.go in older releases): ErrClosed, as dockerd relays a shim that went away.
    ['docker: Error response from daemon: failed to create shim task: ttrpc: closed: unknown.'],
    // moby/moby relays grpc-go's dial error (grpc/grpc-go internal/transport/http2_client.go) of its containerd.
    [
      'docker: Error response from daemon: connection error: desc = "transport: Error while dialing dial unix:///run/containerd/containerd.sock: timeout": unavailable.',
    ],
  ])("the engine's runtime daemon went away under it: a hint (48%%): %s", async (output) => {
    const d = await diagnoseShape({ phase: 'build', output, exitCode: 125 });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: kind's node start cut the same way is the node start (kind-node-start)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'ERROR: failed to create cluster: command "docker run --name kind-control-plane --privileged kindest/node:v1.29.2" failed with error: exit status 125\nCommand Output: docker: Error response from daemon: failed to create shim task: ttrpc: closed: unknown.',
    });
    expect(d.top).toBe('kind-node-start');
    expect(d.of('engine-crash')).toBe(0);
  });
});

describe("the engine took the call and never answered, in its clients' words", () => {
  // golang/go src/net/net.go (conn.Read's OpError): the read on the connected socket timed out; the docker client
  // prefixes `error during connect` (moby/moby client/request.go) to every transport error.
  it("the probe: docker's read on its socket timed out (70%, not unreachable)", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      output:
        'error during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/version": read unix @->/var/run/docker.sock: i/o timeout',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.of('engine-unreachable')).toBeLessThan(0.5);
  });

  it('near miss: a dial that timed out never reached the engine', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      output: 'error during connect: Get "https://10.0.0.5:2376/v1.41/version": dial tcp 10.0.0.5:2376: i/o timeout',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.of('engine-hung')).toBe(0);
  });

  it.each([
    // docker/compose (v1) compose/cli/errors.py: its words when a call on the engine timed out.
    [
      'ERROR: An HTTP request took too long to complete. Retry with --verbose to obtain debug information.\nIf you encounter this issue regularly because of slow network conditions, consider setting COMPOSE_HTTP_TIMEOUT to a higher value (current value: 60).',
    ],
    // urllib3/urllib3 src/urllib3/connectionpool.py (ReadTimeoutError) on docker-py's unix socket pool.
    [
      "requests.exceptions.ReadTimeout: UnixHTTPConnectionPool(host='localhost', port=None): Read timed out. (read timeout=60)",
    ],
  ])("a test command's engine client got no answer: a hint: %s", async (output) => {
    const d = await diagnoseShape({ phase: 'test', output });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: the test's own server that did not answer is no engine", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='localhost', port=8080): Read timed out. (read timeout=5)",
    });
    expect(d.of('engine-hung')).toBe(0);
  });

  // The docker Engine API's versioned path on a tcp daemon: a call it took and did not answer.
  it("a build's call on a remote docker daemon's API ran out its deadline", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: 'error during connect: Post "https://192.168.99.100:2376/v1.41/build": context deadline exceeded',
    });
    expect(d.top).toBe('engine-hung');
  });
});

describe('second pass: the podman client, runc and WSL', () => {
  // containers/podman cmd/podman/root.go heads a bindings.ConnectError (`unable to connect to Podman socket`,
  // pkg/bindings/connection.go) with `Cannot connect to Podman`; golang/crypto ssh/client.go's `ssh: handshake
  // failed` on a read that timed out: the machine's VM took the connection and never answered.
  it("podman's ssh handshake that got no answer is a hang, not a missing engine", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM\nError: unable to connect to Podman socket: failed to connect: ssh: handshake failed: read tcp 127.0.0.1:50000->127.0.0.1:60000: i/o timeout',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.of('engine-unreachable')).toBeLessThan(0.5);
  });

  it('near miss: the same heading over a refused socket is unreachable', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`\nError: unable to connect to Podman socket: Get "http://d/v4.5.0/libpod/_ping": dial unix /run/user/1000/podman/podman.sock: connect: connection refused',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.of('engine-hung')).toBe(0);
  });

  // containerd/go-runc runc.go: runc's own exit; 2 is the Go runtime's exit code for a panic (a hint, 48%).
  it('runc that died of a panic under the engine', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output:
        'docker: Error response from daemon: OCI runtime create failed: runc did not terminate successfully: exit status 2: panic: runtime error: invalid memory address or nil pointer dereference: unknown.',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: runc's own error exit (1) is no crash", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output:
        'docker: Error response from daemon: OCI runtime create failed: runc did not terminate successfully: exit status 1: unknown.',
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  // microsoft/WSL (emitting file not verified): wsl.exe's message when the utility VM stops under a podman machine
  // or Docker Desktop (48%).
  it("WSL's VM that terminated under the engine", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      output: 'The Windows Subsystem for Linux instance has terminated.',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: a WSL without distributions is no crash', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 1,
      output: 'The Windows Subsystem for Linux has no installed distributions.',
    });
    expect(d.of('engine-crash')).toBe(0);
  });
});

describe("a test command's own service that did not answer is no engine", () => {
  it.each([
    ['Error: Get "http://localhost:8080/v1.0/health": context deadline exceeded'],
    ['rpc error: code = Unavailable desc = read unix @->/run/app/app.sock: i/o timeout'],
  ])('near miss: %s', async (output) => {
    const d = await diagnoseShape({ phase: 'test', output });
    expect(d.of('engine-hung')).toBe(0);
  });
});
