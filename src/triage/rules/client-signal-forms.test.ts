// The third round of issue 14's dev-half gaps, each with a near miss: an engine client's own words about a call
// its engine cut (relayed by a runner, framed by BuildKit's client, ended with docker's period, or inside a
// cluster or test step), a resolver named by any address, Go's older proxy error, and kubeadm's second-hand
// report of a kubelet that did not answer.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { fakeResult } from '../../exec/fake-runner.test-kit.js';
import { probeErrorLine } from '../../engines/classify.js';
import { engineOk, inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import { markersIn } from './infra-markers.js';
import { engineCrash } from './engine-crash.js';
import { kindNodeStopped } from './kind-node-stopped.js';
import { kubeletNotReady } from './kubelet-not-ready.js';
import { proxy } from './proxy.js';
import { dnsResolution } from './dns-resolution.js';
import { engineHung } from './engine-hung.js';
import { testsFailed } from './tests-failed.js';

/** A run whose one step failed with this code and output tail (and the build's typed fact, if given). */
function runWith(id: string, code: EventError['code'], tail: string[], fact?: EventError['fact']) {
  return runOf(
    journal([{ id, error: { code, message: `${id} failed`, tail, ...(fact ? { fact } : {}) } }]),
    kindEnv('shop-e2e'),
  );
}

const runStarted = { type: 'build', instruction: '#8 [4/6] RUN npm ci', exitCode: 1, timedOut: false } as const;

describe("the engine probe's error line is the crash header, not the last stack frame", () => {
  it('a Go runtime crash: the header', () => {
    const result = fakeResult({
      exitCode: 2,
      stderr: 'fatal error: concurrent map writes\n\ngoroutine 45 [running]:\nruntime.throw({0x1c2c2e4, 0x16})',
    });
    expect(probeErrorLine(result)).toBe('fatal error: concurrent map writes');
  });

  it("near miss: an ordinary failure keeps the engine's error line", () => {
    const result = fakeResult({ exitCode: 125, stderr: 'Error: unable to connect to Podman socket: no such file' });
    expect(probeErrorLine(result)).toBe('unable to connect to Podman socket: no such file');
  });
});

describe("an engine client's own words about a call its engine cut", () => {
  it('a bats-relayed panic in the engine code of a build is the engine crashing', () => {
    const run = runWith('build:api', 'BUILD_FAILED', [
      '# panic: runtime error: invalid memory address or nil pointer dereference',
      '# goroutine 60 [running]:',
      '# github.com/containers/storage.(*store).Mount(0xc000342160)',
    ]);
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))?.confidence).toBe(0.7);
  });

  it('near miss: the same relayed panic from a RUN step podman reports as failed is the workload', () => {
    const run = runWith('build:api', 'BUILD_FAILED', [
      '# panic: runtime error: invalid memory address or nil pointer dereference',
      '# github.com/containers/storage.(*store).Mount(0xc000342160)',
      '# Error: building at STEP "RUN ./tool": exit status 2',
    ]);
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });

  it("BuildKit's client framing a closed connection counts though a RUN instruction had started", () => {
    const run = runWith(
      'build:api',
      'BUILD_FAILED',
      ['ERROR: failed to solve: Canceled: grpc: the client connection is closing'],
      runStarted,
    );
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))?.confidence).toBe(0.7);
  });

  it("kind's own docker run whose daemon call ended in EOF (docker's closing period) is the engine", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'Command Output: docker: error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.43/containers/create?name=kind-control-plane": EOF.',
    ]);
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))?.confidence).toBe(0.7);
  });

  it("a test command's docker run that lost its wait is a hint below 50%", () => {
    const run = runWith('test', 'TESTS_FAILED', ['error waiting for container: unexpected EOF']);
    const m = engineCrash.match(inputOf(run, { engine: engineOk() }))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/may have restarted/);
  });

  it('near miss: a test that failed on its own says nothing of the engine', () => {
    const run = runWith('test', 'TESTS_FAILED', ['AssertionError: expected 200, got 503', 'unexpected EOF']);
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });
});

describe('a resolver named by any address, and Go’s older proxy error', () => {
  it('a lookup on a masked resolver address is DNS', () => {
    const line =
      'Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 192.168.x.x:53: read udp 192.168.x.x:46200->192.168.x.x:53: i/o timeout';
    expect(markersIn([{ source: 'out', text: line }])[0]?.id).toBe('dns');
  });

  it('near miss: a lookup word without a resolver port is not', () => {
    expect(markersIn([{ source: 'out', text: 'lookup table on disk rebuilt' }])).toEqual([]);
  });

  it("net/http's `error connecting to proxy` is the proxy", () => {
    const line =
      'Get https://index.docker.io/v1/repositories/x/images: http: error connecting to proxy http://127.0.0.1:3128: dial tcp 127.0.0.1:3128: getsockopt: connection refused';
    expect(
      proxy.match(inputOf(runWith('deliver:api', 'ENGINE_COMMAND_FAILED', [line])))?.confidence,
    ).toBeGreaterThanOrEqual(0.5);
  });
});

describe("kubeadm's second-hand report of a kubelet that did not answer", () => {
  const kubeadm = [
    '[kubelet-check] The HTTP call equal to \'curl -sSL http://localhost:10248/healthz\' failed with error: Get "http://localhost:10248/healthz": dial tcp [::1]:10248: connect: connection refused.',
    '\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)',
  ];

  it('is the kubelet, below 50% (its hint list names cgroups for every failure; it is no cgroup error)', () => {
    const m = kubeletNotReady.match(inputOf(runWith('cluster', 'CLUSTER_CREATE_FAILED', kubeadm)))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).not.toMatch(/cgroup/);
  });

  it("the kubelet's own words keep it confident", () => {
    const own = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      ...kubeadm,
      'failed to run Kubelet: running with swap on is not supported, please disable swap!',
    ]);
    expect(kubeletNotReady.match(inputOf(own))?.confidence).toBe(0.8);
  });

  it("near miss: the kubelet's health port refusing is not a stopped node container", () => {
    expect(kindNodeStopped.match(inputOf(runWith('cluster', 'CLUSTER_CREATE_FAILED', kubeadm)))).toBeUndefined();
  });
});

describe("a crash trace in the engine's own code while a RUN instruction had started", () => {
  const trace = [
    'error running container: did not get container start message from parent: EOF',
    'panic: runtime error: invalid memory address or nil pointer dereference',
    'goroutine 13 [running]:',
    'github.com/containers/buildah.(*Builder).Run(0xc0001)',
  ];
  const started = { type: 'build', instruction: 'STEP 4/6: RUN make', exitCode: 2, timedOut: false } as const;

  it('is the builder dying under the instruction: the engine', () => {
    const run = runWith('build:api', 'BUILD_FAILED', trace, started);
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))?.confidence).toBe(0.7);
  });

  it('near miss: the builder itself reporting the failed step makes the trace the workload', () => {
    const run = runWith(
      'build:api',
      'BUILD_FAILED',
      [...trace, 'Error: building at STEP "RUN make": while running runtime: exit status 2'],
      started,
    );
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });
});

describe('a test command whose own docker run the engine failed', () => {
  it("docker's `Error response from daemon` in the test output: the engine, not the tests, below 50%", () => {
    const run = runWith('test', 'TESTS_FAILED', ['docker: Error response from daemon: ttrpc: closed: unknown.']);
    const m = testsFailed.match(inputOf(run))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/error of the container engine/);
  });

  it('near miss: tests that failed on an assertion stay the tests', () => {
    const run = runWith('test', 'TESTS_FAILED', ['FAIL src/api.test.ts > returns 200', 'Error: expected 200, got 500']);
    expect(testsFailed.match(inputOf(run))?.confidence).toBe(0.9);
  });
});

describe("busybox's and the resolver tools' words for a name that did not resolve", () => {
  it("wget's `bad address` in a RUN step is DNS first, below 50% (a download too)", () => {
    const run = runWith('build:api', 'BUILD_FAILED', ["#6 5.433 wget: bad address 'dl-cdn.alpinelinux.org'"]);
    const m = dnsResolution.match(inputOf(run))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/dl-cdn\.alpinelinux\.org/);
  });

  it("nslookup's `no servers could be reached` in a test is the resolver", () => {
    const run = runWith('test', 'TESTS_FAILED', [';; connection timed out; no servers could be reached']);
    expect(dnsResolution.match(inputOf(run))?.confidence).toBe(0.85);
  });

  it('near miss: an address the program calls bad, without a quoted host, is not DNS', () => {
    const run = runWith('test', 'TESTS_FAILED', ['ValueError: bad address family']);
    expect(dnsResolution.match(inputOf(run))).toBeUndefined();
  });
});

describe("an engine client's call on the engine's own API that ran out its deadline", () => {
  it('is the engine hanging, below 50% while it answers again now', () => {
    const run = runWith('build:api', 'BUILD_FAILED', [
      'Error: Post "http://d/v4.4.1/libpod/build?t=api": context deadline exceeded',
    ]);
    const m = engineHung.match(inputOf(run, { engine: engineOk() }))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/a call on its API ran out its deadline/);
  });

  it("near miss: a RUN step's own download that timed out is not the engine's API", () => {
    const run = runWith('build:api', 'BUILD_FAILED', [
      'Get "https://proxy.golang.org/x/@v/list": context deadline exceeded',
    ]);
    expect(engineHung.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });
});

describe("the kubelet's call on the node's container runtime cut mid-call", () => {
  const deploy = runWith('deploy:api', 'DEPLOY_TIMEOUT', []);
  const pod = (event: string) => ({
    name: 'api-0',
    phase: 'Pending',
    ready: false,
    restarts: 0,
    reasons: ['ContainerCreating'],
    images: [],
    events: [event],
    logTail: [],
  });

  it('is the runtime going away, a hint below 50%', () => {
    const event = 'Failed to create pod sandbox: rpc error: code = Unavailable desc = error reading from server: EOF';
    const m = engineCrash.match(inputOf(deploy, { engine: engineOk(), workloads: workloads([pod(event)]) }))!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/kubelet in a node/);
  });

  it('near miss: a pod whose image is not found says nothing of the runtime', () => {
    const event = 'Failed to pull image "api:dev": rpc error: code = NotFound desc = failed to pull and unpack image';
    expect(
      engineCrash.match(inputOf(deploy, { engine: engineOk(), workloads: workloads([pod(event)]) })),
    ).toBeUndefined();
  });
});
