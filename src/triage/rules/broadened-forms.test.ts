// The concept-level forms added to existing rules from the dev half's gaps (issue 14): each tool's documented
// words for the same cause, with a near miss each, so a rule stays on its cause and not on the case's literal text.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { engineOk, inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { crashLoop } from './crash-loop.js';
import { kindSystemdBoot } from './kind-systemd-boot.js';
import { kubeletNotReady } from './kubelet-not-ready.js';
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
    expect(kubeletNotReady.match(inputOf(check))?.confidence).toBe(0.8);
    const driver = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'failed to run Kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"',
    ]);
    expect(kubeletNotReady.match(inputOf(driver))?.confidence).toBe(0.8);
  });

  it('near miss: a kubelet that cannot find its cgroup mountpoints stays low (a node-boot problem)', () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', ['failed to run Kubelet: mountpoint for cpu not found']);
    expect(kubeletNotReady.match(inputOf(run))?.confidence).toBe(0.4);
  });
});
