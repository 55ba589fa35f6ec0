// A kind node's own logs name why its kubelet did not start, in the kubelet's documented words (issue 14): a host
// limit on file descriptors or inotify instances is file-limits, and the kubelet's QoS cgroups or its controllers
// that it cannot find are the node's cgroups; kubelet-not-ready defers to both. Near misses for each.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import { fileLimits } from './file-limits.js';
import { kindNodeCgroups } from './kind-node-cgroups.js';
import { kubeletNotReady } from './kubelet-not-ready.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

const logs = (text: string) => ({
  kindLogs: {
    name: 'kindLogs' as const,
    ok: true,
    timedOut: false,
    durationMs: 5,
    raw: '',
    data: { dir: '/runs/r1/kind-logs', lines: [{ file: 'shop-e2e-control-plane/kubelet.log', text }] },
  },
});
const createFailed = runWith('cluster', 'CLUSTER_CREATE_FAILED', []);

describe("the node's kubelet hit a host limit", () => {
  it('`failed to run Kubelet: too many open files` is the limit (85%), the kubelet below 50%', () => {
    const input = inputOf(
      createFailed,
      logs('E0301 run.go:74] "command failed" err="failed to run Kubelet: too many open files"'),
    );
    expect(fileLimits.match(input)?.confidence).toBe(0.85);
    expect(kubeletNotReady.match(input)?.confidence).toBe(0.4);
  });

  it('near miss: a node log that only names inotify is no limit', () => {
    const input = inputOf(
      createFailed,
      logs('W0301 watcher.go:93] Error while processing event: inotify event dropped'),
    );
    expect(fileLimits.match(input)).toBeUndefined();
  });

  it('near miss: in a cluster that came up, the node logs speak for nothing', () => {
    const input = inputOf(runWith('test', 'TESTS_FAILED', []), logs('failed to run Kubelet: too many open files'));
    expect(fileLimits.match(input)).toBeUndefined();
  });
});

describe("the node's kubelet cannot find its cgroups", () => {
  it("the QoS cgroups under the kubelet's root (pkg/kubelet/cm) are the node's cgroups", () => {
    const input = inputOf(
      createFailed,
      logs(
        'E0301 kubelet.go:1547] "Failed to start ContainerManager" err="failed to initialize top level QOS containers: root container [kubelet kubepods] doesn\'t exist"',
      ),
    );
    expect(kindNodeCgroups.match(input)?.confidence).toBe(0.7);
    expect(kubeletNotReady.match(input)?.confidence).toBe(0.4);
  });

  it("the system validation's missing controllers are the node's cgroups", () => {
    const input = inputOf(
      createFailed,
      logs(
        'Failed to start ContainerManager system validation failed - Following Cgroup subsystem not mounted: [cpu cpuacct cpuset memory]',
      ),
    );
    expect(kindNodeCgroups.match(input)?.confidence).toBe(0.7);
  });

  it('near miss: a container manager that cannot read its rootfs is no cgroup problem', () => {
    const input = inputOf(
      createFailed,
      logs('"Failed to start ContainerManager" err="failed to get rootfs info: failed to get device for dir"'),
    );
    expect(kindNodeCgroups.match(input)).toBeUndefined();
    // The node lacks the host's device (kind's known issue): the node's setup as much as the kubelet, below 50%.
    expect(kubeletNotReady.match(input)?.confidence).toBe(0.45);
  });
});
