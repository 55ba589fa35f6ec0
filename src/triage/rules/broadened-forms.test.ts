// The concept-level forms added to existing rules from the dev half's gaps (issue 14): each tool's documented
// words for the same cause, with a near miss each, so a rule stays on its cause and not on the case's literal text.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { engineOk, inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { crashLoop } from './crash-loop.js';
import { deployApplyFailed } from './deploy-apply-failed.js';
import { readinessProbe } from './readiness-probe.js';
import { registryAuth } from './registry-auth.js';
import { unschedulable } from './unschedulable.js';
import { kindSystemdBoot } from './kind-systemd-boot.js';
import { kubeletNotReady } from './kubelet-not-ready.js';
import { kindNodeCgroups } from './kind-node-cgroups.js';
import { oomKilled } from './oom-killed.js';
import { proxy } from './proxy.js';

/** A run whose one step failed with this code and output tail, on a kind env. */
function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

function pod(extra: Partial<PodFacts>): PodFacts {
  return {
    name: 'search-0',
    phase: 'Running',
    ready: false,
    restarts: 0,
    reasons: [],
    images: [],
    events: [],
    logTail: [],
    ...extra,
  };
}

describe('crash-loop: a pod that never got ready and whose log ends in a fatal error', () => {
  const deploy = runWith('deploy:search', 'DEPLOY_TIMEOUT', []);

  it('a klog fatal line or a Go panic at the end of the log: the container exits on start', () => {
    for (const last of [
      'F0112 12:29:59.483357       1 main.go:57] error: unable to create directory',
      'panic: assignment to entry in nil map',
      'time="2024" level=fatal msg="no config"',
    ]) {
      const m = crashLoop.match(
        inputOf(deploy, { engine: engineOk(), workloads: workloads([pod({ logTail: ['starting', last] })]) }),
      )!;
      expect(m.confidence).toBe(0.6);
      expect(m.summary).toMatch(/Pod search-0/);
    }
  });

  it('near miss: a running pod whose log has only info lines is not a crash', () => {
    const m = crashLoop.match(
      inputOf(deploy, { engine: engineOk(), workloads: workloads([pod({ logTail: ['I0112 listening on :8080'] })]) }),
    );
    expect(m).toBeUndefined();
  });
});

describe('oom-killed: memory ran out without exit 137', () => {
  it('ENOMEM from a build step names the allocation', () => {
    const m = oomKilled.match(
      inputOf(runWith('build:api', 'BUILD_FAILED', ['fork/exec /bin/sh: cannot allocate memory'])),
    )!;
    expect(m.confidence).toBe(0.7);
    expect(m.summary).toMatch(/could not allocate memory \(ENOMEM\)/);
  });

  it("a shell's bare Killed line in a build is the kill", () => {
    expect(
      oomKilled.match(inputOf(runWith('build:api', 'BUILD_FAILED', ['/bin/sh: line 1:    12 Killed   npm run build']))),
    ).toBeDefined();
  });

  it("near miss: the test step's output saying OutOfMemoryError is the product's words", () => {
    expect(
      oomKilled.match(inputOf(runWith('test', 'TESTS_FAILED', ['java.lang.OutOfMemoryError: Java heap space']))),
    ).toBeUndefined();
  });
});

describe('proxy: the proxy forms of curl, pip, Java and a proxy error page', () => {
  it.each([
    'curl: (5) Could not resolve proxy: proxy.corp.example',
    "pip._vendor.urllib3.exceptions.ProxyError: ('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))",
    'java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 403 Forbidden"',
  ])('%s', (line) => {
    expect(proxy.match(inputOf(runWith('build:api', 'BUILD_FAILED', [line])))?.confidence).toBe(0.85);
  });

  it('near miss: a refused connection with no word of a proxy is not one', () => {
    expect(
      proxy.match(
        inputOf(runWith('build:api', 'BUILD_FAILED', ['dial tcp 10.0.0.1:443: connect: connection refused'])),
      ),
    ).toBeUndefined();
  });
});

describe('kind node boot and kubelet readiness: the words of systemd and kubeadm', () => {
  it("systemd freezing as the node's PID 1 is a node that did not boot", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      '[!!!!!!] Failed to mount API filesystems.',
      'Freezing execution.',
    ]);
    expect(kindSystemdBoot.match(inputOf(run))?.confidence).toBe(0.9);
  });

  it("kubeadm's kubelet check and a cgroup-driver mismatch are a kubelet that did not start", () => {
    const check = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      "[kubelet-check] It seems like the kubelet isn't running or healthy.",
    ]);
    // kubeadm's check alone says the kubelet did not answer, not why (a node that did not boot says the same).
    expect(kubeletNotReady.match(inputOf(check))?.confidence).toBe(0.45);
    const driver = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'failed to run Kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"',
    ]);
    expect(kubeletNotReady.match(inputOf(driver))?.confidence).toBe(0.8);
  });

  it('near miss: a kubelet that cannot find its cgroup mountpoints stays low (a node-boot problem)', () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', ['failed to run Kubelet: mountpoint for cpu not found']);
    expect(kubeletNotReady.match(inputOf(run))?.confidence).toBe(0.4);
  });

  it("the exported kind logs carry the kubelet's words: cgroups it cannot find are the node's boot, swap its own", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', []);
    const logs = (text: string) => ({
      kindLogs: {
        name: 'kindLogs',
        ok: true,
        timedOut: false,
        durationMs: 5,
        raw: '',
        data: { dir: '/runs/r1/kind-logs', lines: [{ file: 'shop-e2e-control-plane/kubelet.log', text }] },
      },
    });
    const cgroups = inputOf(run, logs('F0223 server.go:274] failed to run Kubelet: mountpoint for  not found'));
    expect(kindNodeCgroups.match(cgroups)).toMatchObject({
      confidence: 0.7,
      evidence: [
        'kind-logs shop-e2e-control-plane/kubelet.log: F0223 server.go:274] failed to run Kubelet: mountpoint for  not found',
      ],
    });
    expect(kubeletNotReady.match(cgroups)?.confidence).toBe(0.4);
    const swap = inputOf(run, logs('error: failed to run Kubelet: running with swap on is not supported'));
    expect(kubeletNotReady.match(swap)?.confidence).toBe(0.8);
    expect(kindNodeCgroups.match(swap)).toBeUndefined();
    // Near miss: a cgroup driver that differs from the runtime's is the kubelet's own setting.
    const driver = inputOf(
      run,
      logs('failed to run Kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different'),
    );
    expect(kindNodeCgroups.match(driver)).toBeUndefined();
    // Near miss: in a cluster that came up (a later step failed) the kubelet's boot complaints are normal noise.
    const later = inputOf(runWith('test', 'TESTS_FAILED', []), logs('error: failed to run Kubelet: swap on'));
    expect(kubeletNotReady.match(later)).toBeUndefined();
  });
});

describe('a pod failure that another fact explains: the crash is its consequence', () => {
  const deploy = runWith('deploy:app', 'DEPLOY_FAILED', []);
  const failing = (events: string[], restarts = 0) =>
    inputOf(deploy, {
      engine: engineOk(),
      workloads: workloads([pod({ name: 'app-1', reasons: ['Error', 'exit 1'], restarts, events })]),
    });

  it("a Job the controller failed is job-failed's; crash-loop stays below 50%", () => {
    const input = failing(['Warning BackoffLimitExceeded: Job has reached the specified backoff limit']);
    expect(crashLoop.match(input)?.confidence).toBeLessThan(0.5);
  });

  it('a container the kubelet restarts for its liveness probe: the probe is named, crash-loop stays below it', () => {
    const input = failing(
      [
        'Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500',
        'Normal Killing: Container app failed liveness probe, will be restarted',
      ],
      6,
    );
    const probe = readinessProbe.match(input)!;
    expect(probe.confidence).toBe(0.6);
    expect(probe.summary).toMatch(
      /liveness probe keeps failing \(HTTP probe failed with statuscode: 500\), so the kubelet restarts it/,
    );
    expect(crashLoop.match(input)?.confidence).toBeLessThan(0.5);
  });

  it("a pod pending only on the not-ready taint: the node's kubelet, not scheduling", () => {
    const input = inputOf(deploy, {
      engine: engineOk(),
      workloads: workloads([
        pod({
          name: 'app-1',
          phase: 'Pending',
          reasons: ['Unschedulable'],
          events: [
            'Warning FailedScheduling: 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.',
          ],
        }),
      ]),
    });
    expect(kubeletNotReady.match(input)?.confidence).toBe(0.7);
    expect(unschedulable.match(input)?.confidence).toBeLessThan(0.5);
  });

  it('near miss: a pod pending on insufficient CPU stays unschedulable, and no kubelet verdict', () => {
    const input = inputOf(deploy, {
      engine: engineOk(),
      workloads: workloads([
        pod({
          name: 'app-1',
          phase: 'Pending',
          reasons: ['Unschedulable'],
          events: ['Warning FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu.'],
        }),
      ]),
    });
    expect(unschedulable.match(input)?.confidence).toBe(0.8);
    expect(kubeletNotReady.match(input)).toBeUndefined();
  });
});

describe("the tools' other words for the same causes", () => {
  it("the registry's UNAUTHORIZED code and Docker Hub's wrong password are registry-auth", () => {
    const line =
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password';
    expect(registryAuth.match(inputOf(runWith('pull:app', 'IMAGE_PULL_FAILED', [line])))?.confidence).toBe(0.9);
  });

  it("Quay's UNAUTHORIZED alone on a pull is also its answer for a missing repository: below 50% (platform-net-forms)", () => {
    const line =
      'Error: reading manifest 1.0 in quay.io/me/app: unauthorized: access to the requested resource is not authorized';
    expect(registryAuth.match(inputOf(runWith('pull:app', 'IMAGE_PULL_FAILED', [line])))?.confidence).toBe(0.4);
  });

  it("kubectl's unknown resource type is a CRD applied before its definition", () => {
    const run = runWith('deploy:app', 'DEPLOY_APPLY_FAILED', [
      'error: the server doesn\'t have a resource type "certificates"',
    ]);
    const m = deployApplyFailed.match(inputOf(run))!;
    expect(m.confidence).toBe(0.85);
    expect(m.summary).toMatch(/before its CRD/);
  });

  it("kubeadm's swap preflight error is a kubelet that will not run", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      '[ERROR Swap]: running with swap on is not supported. Please disable swap',
    ]);
    expect(kubeletNotReady.match(inputOf(run))?.summary).toMatch(/swap is on/);
  });
});
