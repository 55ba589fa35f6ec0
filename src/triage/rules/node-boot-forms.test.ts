// A kind node that started and then exited while kind created the cluster, and the kubelet's eviction for a full
// disk (issue 14), each with a near miss.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { diskFull } from './disk-full.js';
import { kindNodeStart } from './kind-node-start.js';
import { kindNodeStopped } from './kind-node-stopped.js';
import { kindSystemdBoot } from './kind-systemd-boot.js';
import { kubeletNotReady } from './kubelet-not-ready.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

describe('a node container that exited while kind created the cluster', () => {
  const exited = (line: string) =>
    runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'ERROR: failed to create cluster: failed to generate kubeadm config content: failed to get kubernetes version from node: failed to get file: command "podman exec --privileged shop-e2e-control-plane cat /kind/version" failed with error: exit status 255',
      line,
    ]);

  it.each([
    'Command Output: Error: can only create exec sessions on running containers: container state improper',
    'Command Output: Error response from daemon: Container 6a0c1f is not running',
  ])('did not boot, below 50%, and is no stopped node of a running cluster: %s', (line) => {
    const input = inputOf(exited(line));
    const m = kindNodeStart.match(input)!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/exited while kind was setting it up/);
    expect(kindNodeStopped.match(input)).toBeUndefined();
  });

  it('near miss: a node found stopped by a later step is not a boot failure', () => {
    const input = inputOf(
      runWith('deploy:api', 'DEPLOY_APPLY_FAILED', [
        'Error: can only create exec sessions on running containers: container state improper',
      ]),
    );
    expect(kindNodeStart.match(input)).toBeUndefined();
  });
});

describe("the kubelet's eviction for a full disk", () => {
  const evicted = (message: string): PodFacts => ({
    name: 'api-0',
    phase: 'Failed',
    ready: false,
    restarts: 0,
    reasons: ['Evicted'],
    images: [],
    events: [message],
    logTail: [],
  });
  const deploy = runWith('deploy:api', 'DEPLOY_TIMEOUT', []);

  it('`The node was low on resource: ephemeral-storage.` is the disk', () => {
    const pod = evicted('The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi.');
    expect(diskFull.match(inputOf(deploy, { workloads: workloads([pod]) }))).toBeDefined();
  });

  it('near miss: an eviction for memory is not the disk', () => {
    const pod = evicted('The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi.');
    expect(diskFull.match(inputOf(deploy, { workloads: workloads([pod]) }))).toBeUndefined();
  });
});

describe("kind's own wait and systemd's cgroup mount in a node that did not come up", () => {
  it("kind's `--wait` giving up on the control-plane's Ready is the kubelet, second-hand (45%)", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      ' ✗ Waiting ≤ 5m0s for control-plane = Ready ⏳',
      'ERROR: failed to create cluster: timed out waiting for the condition',
    ]);
    expect(kubeletNotReady.match(inputOf(run))?.confidence).toBe(0.45);
  });

  it("systemd's `Failed to mount cgroup at` is a node that did not boot", () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'Failed to mount cgroup at /sys/fs/cgroup/systemd: Operation not permitted',
    ]);
    expect(kindSystemdBoot.match(inputOf(run))).toBeDefined();
  });

  it('near miss: a create that timed out with no word of the node is neither', () => {
    const run = runWith('cluster', 'CLUSTER_CREATE_FAILED', [
      'ERROR: failed to create cluster: timed out waiting for the condition',
    ]);
    expect(kubeletNotReady.match(inputOf(run))).toBeUndefined();
    expect(kindSystemdBoot.match(inputOf(run))).toBeUndefined();
  });
});
