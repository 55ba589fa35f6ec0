// Issue 14, eleventh round: the new dev cases' misses, each fixed by its family (the emitter's source named in the
// rule), with near misses that must not be claimed.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe('an engine crash that names less than its trace', () => {
  // moby/moby#40752 (dev): dockerd's runtime throw, relayed without frames, while no instruction ran.
  it("a Go runtime fatal error alone in a build's output: fatal error: concurrent map writes", async () => {
    const d = await diagnoseShape({ phase: 'build', output: 'fatal error: concurrent map writes' });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('the same with only Go runtime frames (runtime.throw, runtime.mapaccess1_faststr)', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'fatal error: concurrent map read and map write',
        'goroutine 12136 [running]:',
        'runtime.throw(0x55935e5d25e1, 0x21)',
        '        /usr/local/go/src/runtime/panic.go:774 +0x74 fp=0xc0014ea538 sp=0xc0014ea508 pc=0x55935cc68e74',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: a Go crash under a RUN heading is the step's program", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: ['STEP 4/6: RUN go run ./cmd/gen', 'fatal error: concurrent map writes'].join('\n'),
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  it("near miss: a Go crash whose frames name another program's main", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: ['panic: boom', '', 'goroutine 1 [running]:', 'main.main()', '\t/src/gen/main.go:12 +0x25'].join('\n'),
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  // Ansible's stderr_lines relay each line as a JSON string (containers/podman#1730, dev).
  it('a podman pull\'s crash relayed as JSON strings ("panic: ...",)', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: [
        '    "panic: runtime error: invalid memory address or nil pointer dereference",',
        '    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0xc46e67]",',
        '    "goroutine 1 [running]:",',
        '    "github.com/containers/image/v5/storage.(*storageImageDestination).Commit(0xc42045c1c0)",',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
  });

  // docker/docker client/request.go, with Docker Desktop's API proxy in front of a daemon that died (moby/moby#50165).
  it("the Engine API's proxy answering 5xx mid-run: request returned 502 Bad Gateway for API route and version", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        "unable to get image 'redis:7': request returned 502 Bad Gateway for API route and version http://%2Fvar%2Frun%2Fdocker.sock/v1.49/images/redis:7/json, check if the server supports the requested API version",
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: a 404 for the API route is an old daemon, not a crash', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'request returned Not Found for API route and version http://%2Fvar%2Frun%2Fdocker.sock/v1.49/images/redis:7/json, check if the server supports the requested API version',
    });
    expect(d.of('engine-crash')).toBe(0);
  });
});

describe("a node's cgroups, in K3s's and runc's words", () => {
  // k3s-io/k3s pkg/cgroups (k3d-890, dev).
  it("K3s's own check: failed to find memory cgroup (v2)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: 'time="2024-01-10T10:00:00Z" level=fatal msg="failed to find memory cgroup (v2)"',
    });
    expect(d.top).toBe('kind-node-cgroups');
  });

  // opencontainers/runc libcontainer/cgroups/fs2, as the kubelet relays it (k3s-4085, dev).
  it('runc refusing a cgroup v2 path in an invalid state, and no inotify limit beside it', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: [
        'E0927 22:36:42.258178       1 kubelet.go:1423] "Failed to start ContainerManager" err="cannot enter cgroupv2 \\"/sys/fs/cgroup/kubepods\\" with domain controllers -- it is in an invalid state"',
        'W0927 22:36:42.258172       1 watcher.go:95] Error while processing event ("/sys/fs/cgroup/kubepods": 0x40000100 == IN_CREATE|IN_ISDIR): inotify_add_watch /sys/fs/cgroup/kubepods: no such file or directory',
      ].join('\n'),
    });
    expect(d.top).toBe('kind-node-cgroups');
    expect(d.of('file-limits')).toBe(0);
  });

  it('near miss: inotify_add_watch that hit the watch limit (ENOSPC) is still the limit', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'Error: inotify_add_watch /app/src: no space left on device',
    });
    expect(d.top).toBe('file-limits');
  });
});

describe("curl's TLS peer: the host it connected to", () => {
  // curl/curl lib/vtls/openssl.c names the peer; behind a proxy it is the proxy (sonic-buildimage-2543, dev).
  it('Unknown SSL protocol error in connection to gw:8080, for an https URL', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 2,
      output: [
        'Step 20/24 : RUN curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -',
        ' ---> Running in 5da854896cec',
        'curl: (35) Unknown SSL protocol error in connection to gw.corp.example:8080 ',
        "The command '/bin/sh -c curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -' returned a non-zero code: 2",
      ].join('\n'),
    });
    expect(d.top).toBe('proxy');
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  it("near miss: the peer is the URL's own host and port", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 2,
      output: [
        'Step 20/24 : RUN curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -',
        'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to download.docker.com:443 ',
        "The command '/bin/sh -c curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -' returned a non-zero code: 2",
      ].join('\n'),
    });
    expect(d.top).not.toBe('proxy');
  });
});

describe("a C compiler's fatal error is no Go crash", () => {
  it("near miss: clang's fatal error alone in a build's output", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: 'fatal error: too many errors emitted, stopping now [-ferror-limit=]',
    });
    expect(d.of('engine-crash')).toBe(0);
  });
});
