// The mechanisms the second round of corpus cases (issue 14) showed, each with a near miss: a generic verdict
// claims only what the output shows; an engine client's own words about its daemon; a resolver that did not answer;
// the engines' name and port conflicts in their other forms; a running pod held by its readiness gate.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { engineOk, inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { buildDependencyDownload } from './build-dependency-download.js';
import { buildFailed } from './build-failed.js';
import { containerNameInUse } from './container-name-in-use.js';
import { dnsResolution } from './dns-resolution.js';
import { engineCrash } from './engine-crash.js';
import { engineUnreachable } from './engine-unreachable.js';
import { hostPortInUse } from './host-port-in-use.js';
import { kindNodeStart } from './kind-node-start.js';
import { readinessProbe } from './readiness-probe.js';
import { registryAuth } from './registry-auth.js';

/** A run whose one step failed with this code and output tail (and the build's typed fact, if given). */
function runWith(id: string, code: EventError['code'], tail: string[], fact?: EventError['fact']) {
  return runOf(
    journal([{ id, error: { code, message: `${id} failed`, tail, ...(fact ? { fact } : {}) } }]),
    kindEnv('shop-e2e'),
  );
}

const noInstruction = { type: 'build', exitCode: 1, timedOut: false } as const;

describe('build-failed claims an instruction only when the builder names one', () => {
  it('output that shows no failed instruction stays below 50%', () => {
    const m = buildFailed.match(
      inputOf(runWith('build:api', 'BUILD_FAILED', ['error reading from server: EOF'], noInstruction)),
    )!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/names no failed instruction/);
  });

  it("the builders' own instruction errors keep it confident", () => {
    for (const line of [
      'ERROR: Dockerfile parse error line 39: unknown instruction: 5CMD',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat run.sh: file does not exist',
      "The command '/bin/sh -c make' returned a non-zero code: 2",
    ])
      expect(buildFailed.match(inputOf(runWith('build:api', 'BUILD_FAILED', [line], noInstruction)))?.confidence).toBe(
        0.9,
      );
  });

  it('an engine client that lost its daemon is not the Containerfile: engine-unreachable names it', () => {
    for (const line of [
      "ERROR: Couldn't connect to Docker daemon at http+docker://localunixsocket - is it running?",
      "failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?",
    ]) {
      const input = inputOf(runWith('build:api', 'BUILD_FAILED', [line], noInstruction), { engine: engineOk() });
      expect(buildFailed.match(input)?.confidence).toBe(0.3);
      expect(engineUnreachable.match(input)?.confidence).toBe(0.4);
    }
  });

  it('near miss: a RUN step that failed and printed the same words is the workload (docker-in-docker)', () => {
    const line = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
    const run = runWith('build:api', 'BUILD_FAILED', [line], { ...noInstruction, instruction: 'STEP 3/4: RUN make' });
    expect(engineUnreachable.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });
});

describe("the engine's build stream cut mid-call", () => {
  it("buildx's bare grpc transport error is the engine's, not the build's", () => {
    const input = inputOf(runWith('build:api', 'BUILD_FAILED', ['error reading from server: EOF'], noInstruction), {
      engine: engineOk(),
    });
    const m = engineCrash.match(input)!;
    expect(m.confidence).toBe(0.7);
    expect(m.summary).toMatch(/stream was cut/);
  });

  it('near miss: a RUN step that failed and printed it is the workload', () => {
    const run = runWith('build:api', 'BUILD_FAILED', ['error reading from server: EOF'], {
      ...noInstruction,
      instruction: 'STEP 2/3: RUN ./grpc-client',
    });
    expect(engineCrash.match(inputOf(run, { engine: engineOk() }))).toBeUndefined();
  });
});

describe('a resolver that did not answer is DNS, also inside a RUN step', () => {
  const download =
    'go: x@v1: Get "https://proxy.golang.org/x/@v/v1.mod": dial tcp: lookup proxy.golang.org on 192.168.0.1:53: read udp 172.17.0.2:36832->192.168.0.1:53: i/o timeout';

  it('dns-resolution ranks first and the download defers, both below 50% (one text, two names)', () => {
    const input = inputOf(runWith('build:api', 'BUILD_FAILED', [download], noInstruction));
    expect(dnsResolution.match(input)?.confidence).toBe(0.48);
    expect(buildDependencyDownload.match(input)?.confidence).toBe(0.42);
  });

  it('a name that did not resolve (no such host): dns first, the download defers, both below 50%', () => {
    // A wrong name and a resolver that cannot resolve a real one print the same words (calibrated-forms.test.ts).
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'Get "https://pkgs.example.test/x": dial tcp: lookup pkgs.example.test: no such host',
      ]),
    );
    expect(dnsResolution.match(input)?.confidence).toBe(0.45);
    expect(buildDependencyDownload.match(input)?.confidence).toBe(0.42);
  });

  it('near miss: a network error with nothing fetched is not more than an even chance of a download', () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', ['dial tcp 127.0.0.1:5432: connect: connection refused']),
    );
    expect(buildDependencyDownload.match(input)?.confidence).toBe(0.45);
  });
});

describe("the engines' other words for a taken name or port", () => {
  it("docker's older name conflict names the holder", () => {
    const line =
      'Error response from daemon: Conflict, The name gitlab is already assigned to 3f2a. You have to delete (or rename) that container to be able to assign gitlab to a container again.';
    const m = containerNameInUse.match(inputOf(runWith('deploy:app', 'DEPLOY_APPLY_FAILED', [line])))!;
    expect(m.summary).toMatch(/The name gitlab is already held/);
  });

  it('Windows and Docker Desktop words for a taken port are a port in use', () => {
    for (const line of [
      'listen tcp 0.0.0.0:8080: bind: Only one usage of each socket address (protocol/network address/port) is normally permitted.',
      'Ports are not available: exposing port TCP 0.0.0.0:80 -> 0.0.0.0:0: listen tcp 0.0.0.0:80: bind: address already in use',
    ])
      expect(hostPortInUse.match(inputOf(runWith('deploy:app', 'DEPLOY_APPLY_FAILED', [line])))?.confidence).toBe(0.9);
  });

  it("slirp4netns's failed port forward is probably a taken port, less sure", () => {
    const line =
      'Error: error from slirp4netns while setting up port redirection: map[desc:bad request: add_hostfwd: slirp_add_hostfwd failed]';
    const m = hostPortInUse.match(inputOf(runWith('deploy:app', 'DEPLOY_APPLY_FAILED', [line])))!;
    expect(m.confidence).toBe(0.6);
    expect(m.summary).toMatch(/could not bind host port/);
  });

  it('near miss: slirp4netns failing for another reason is no port', () => {
    const line = 'Error: failed to start slirp4netns: exit status 1: cannot open /dev/net/tun';
    expect(hostPortInUse.match(inputOf(runWith('deploy:app', 'DEPLOY_APPLY_FAILED', [line])))).toBeUndefined();
  });
});

describe("kind's node preparation defers to what explains it", () => {
  it('kind-node-start stays low when the engine client could not reach its daemon', () => {
    const run = runWith('cluster:kind', 'CLUSTER_CREATE_FAILED', [
      ' ✗ Preparing nodes 📦',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ]);
    expect(kindNodeStart.match(inputOf(run))?.confidence).toBe(0.3);
  });

  it("kind's progress mark alone is below an even chance; the engine's refusal is not", () => {
    const mark = runWith('cluster:kind', 'CLUSTER_CREATE_FAILED', [' ✗ Preparing nodes 📦']);
    expect(kindNodeStart.match(inputOf(mark))?.confidence).toBe(0.45);
    const refused = runWith('cluster:kind', 'CLUSTER_CREATE_FAILED', [
      'docker: Error response from daemon: open /dev/dma_heap: permission denied.',
    ]);
    expect(kindNodeStart.match(inputOf(refused))?.confidence).toBe(0.7);
  });
});

describe('readiness: the probe events on the pod, and the readiness gate itself', () => {
  const deploy = runWith('deploy:api', 'DEPLOY_TIMEOUT', []);
  const pod = (extra: Partial<PodFacts>): PodFacts => ({
    name: 'api-0',
    phase: 'Running',
    ready: false,
    restarts: 0,
    reasons: [],
    images: [],
    events: [],
    logTail: [],
    ...extra,
  });

  it("the kubelet's errored probe on the pod's events is the probe", () => {
    const events = ['Unhealthy: Readiness probe errored: rpc error: code = Unknown desc = container not running'];
    const m = readinessProbe.match(inputOf(deploy, { engine: engineOk(), workloads: workloads([pod({ events })]) }))!;
    expect(m.confidence).toBe(0.75);
  });

  it('a running, never restarted, unready pod is held by its readiness gate: below 50% without a probe event', () => {
    const m = readinessProbe.match(inputOf(deploy, { engine: engineOk(), workloads: workloads([pod({})]) }))!;
    expect(m.confidence).toBe(0.45);
  });

  it('near miss: a pod that restarts or waits for a reason is not the readiness gate', () => {
    for (const p of [pod({ restarts: 3 }), pod({ reasons: ['CrashLoopBackOff'] }), pod({ phase: 'Pending' })])
      expect(readinessProbe.match(inputOf(deploy, { engine: engineOk(), workloads: workloads([p]) }))).toBeUndefined();
  });
});

describe("containerd's registry refusal, as kind nodes report it", () => {
  it('a token the registry refused (401) is registry-auth', () => {
    const line =
      'failed to pull and unpack image "registry.example.test/app:1": failed to resolve reference "registry.example.test/app:1": failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized';
    expect(registryAuth.match(inputOf(runWith('deploy:app', 'DEPLOY_TIMEOUT', [line])))?.confidence).toBe(0.9);
  });

  it('near miss: a 404 for the same reference is no credentials problem', () => {
    const line =
      'failed to resolve reference "registry.example.test/app:1": registry.example.test/app:1: not found: unexpected status: 404 Not Found';
    expect(registryAuth.match(inputOf(runWith('deploy:app', 'DEPLOY_TIMEOUT', [line])))).toBeUndefined();
  });
});
