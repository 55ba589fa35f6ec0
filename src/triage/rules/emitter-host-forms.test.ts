// Issue 14, generalisation: memory and taken ports as the programs that hit them print it (no corpus case was read
// for these). Each form cites its emitter and has a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, type Shape } from './documented-forms.test-kit.js';

const build = (output: string): Shape => ({ phase: 'build', output });
const podEvent = (reason: string, message: string, phase: 'Running' | 'Failed' = 'Running'): Shape => ({
  phase: 'deploy',
  output: message,
  pod: { phase, events: [{ type: 'Warning', reason, message }] },
});

describe('a process killed for memory, in the words of its parent', () => {
  it.each([
    // gcc-mirror/gcc gcc/gcc.cc (execute): the driver reports the signal that killed the compiler proper.
    ['gcc', 'c++: fatal error: Killed signal terminated program cc1plus\ncompilation terminated.'],
    // GNU make (mirror/make) src/job.c: a child's exit status, or the signal make saw kill it.
    ['GNU make: exit 137', 'make[1]: *** [Makefile:12: all] Error 137'],
    ['GNU make: killed', 'make: *** [Makefile:3: all] Killed'],
    // rust-lang/cargo crates/cargo-util/src/process_error.rs: a rustc killed by a signal.
    [
      'cargo',
      "error: could not compile `serde` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc --crate-name serde` (signal: 9, SIGKILL: kill)",
    ],
    // yarnpkg/yarn src/reporters/lang/en.js: commandFailedWithSignal.
    ['yarn', 'error Command failed with signal "SIGKILL".'],
    // gradle/gradle: DaemonDisappearedException's message.
    [
      'Gradle',
      'FAILURE: Build failed with an exception.\n* What went wrong:\nGradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)',
    ],
    // rust-lang/rust library/std/src/alloc.rs: the default allocation error hook.
    ['Rust: a failed allocation', 'memory allocation of 2147483648 bytes failed'],
  ])('%s (70%%: a SIGKILL is not always the OOM killer)', async (_name, output) => {
    const d = await diagnoseShape(build(output));
    expect(d.top).toBe('oom-killed');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  it("near miss: make's Error 1 is the instruction", async () => {
    const d = await diagnoseShape(
      build(
        'STEP 2/3: RUN make\nmake: *** [Makefile:3: all] Error 1\nError: building at STEP "RUN make": while running runtime: exit status 2',
      ),
    );
    expect(d.top).toBe('build-failed');
    expect(d.of('oom-killed')).toBe(0);
  });

  it("near miss: docker ps's Exited (137) is also a stop that timed out", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: 'kind-control-plane   Exited (137) 2 minutes ago',
    });
    expect(d.of('oom-killed')).toBe(0);
  });

  // kubernetes/kubernetes pkg/kubelet/eviction/helpers.go: the eviction message names the resource.
  it("the kubelet's eviction for memory (85%)", async () => {
    const d = await diagnoseShape(
      podEvent(
        'Evicted',
        'The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi.',
        'Failed',
      ),
    );
    expect(d.top).toBe('oom-killed');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  // kubernetes/kubernetes pkg/kubelet/oom/oom_watcher_linux.go: the SystemOOM event.
  it("the kubelet's OOM watcher (70%: the victim may be another process)", async () => {
    const d = await diagnoseShape(podEvent('SystemOOM', 'System OOM encountered, victim process: java, pid: 12345'));
    expect(d.top).toBe('oom-killed');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  it('near miss: an eviction for ephemeral-storage is the disk', async () => {
    const d = await diagnoseShape(
      podEvent(
        'Evicted',
        'The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 500Mi.',
        'Failed',
      ),
    );
    expect(d.of('oom-killed')).toBe(0);
  });
});

describe("a taken port in each program's words", () => {
  // kubernetes/kubernetes cmd/kubeadm/app/preflight/checks.go: PortOpenCheck.
  it("kubeadm's preflight", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR Port-6443]: Port 6443 is in use\n\t[ERROR Port-10259]: Port 10259 is in use',
    });
    expect(d.top).toBe('host-port-in-use');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  // spring-projects/spring-boot: PortInUseFailureAnalyzer's description, in a test command (60%).
  it("Spring Boot's web server in a test command", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'APPLICATION FAILED TO START\n\nDescription:\n\nWeb server failed to start. Port 8080 was already in use.',
    });
    expect(d.top).toBe('host-port-in-use');
    expect(d.confidence).toBeCloseTo(0.6);
  });

  // Windows' WSAEACCES (10013) text as Go relays it (emitting file not verified): a reserved range as often as a
  // taken port (70%).
  it("Windows' WSAEACCES for a port it reserved", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'Error: listen tcp 0.0.0.0:80: bind: An attempt was made to access a socket in a way forbidden by its access permissions.',
    });
    expect(d.top).toBe('host-port-in-use');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  // moby/moby libnetwork/portmapper: the userland proxy for a published port failed on another error (60%).
  it("docker's userland proxy that failed without naming the port taken", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'docker: Error response from daemon: driver failed programming external connectivity on endpoint web (abc): Error starting userland proxy: mkdir /port/tcp:0.0.0.0:80:tcp:172.17.0.2:80: input/output error.',
    });
    expect(d.top).toBe('host-port-in-use');
    expect(d.confidence).toBeCloseTo(0.6);
  });

  // containers/podman (emitting file not verified): a machine whose port forwarder could not bind (60%; the engine
  // stays unreachable).
  it("the engine's machine could not start on a taken port", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      output: 'Error: cannot start VM podman-machine-default: listen tcp 127.0.0.1:58227: bind: address already in use',
      exitCode: 125,
    });
    expect(d.top).toBe('host-port-in-use');
  });

  it("near miss: a port number in kubeadm's progress is no taken port", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        '[api-check] Waiting for a healthy API server at https://172.18.0.2:6443\nPort 6443 is open\nerror: timed out',
    });
    expect(d.of('host-port-in-use')).toBe(0);
  });
});

// vitejs/vite packages/vite/src/node/http.ts: an info line, it then listens on the next port.
it("near miss: Vite's 'Port 5173 is in use, trying another one...' is no failure", async () => {
  const d = await diagnoseShape({
    phase: 'test',
    output:
      'Port 5173 is in use, trying another one...\n  VITE v5.0.0  ready in 300 ms\nFAIL src/app.test.ts > renders\nAssertionError: expected 1 to be 2',
  });
  expect(d.of('host-port-in-use')).toBe(0);
});
