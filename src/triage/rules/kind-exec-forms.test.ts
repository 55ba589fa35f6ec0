// Issue 14, twelfth round: kind's exec of kubeadm that the engine refused because the node container no longer runs
// (moby daemon errNotRunning, podman's ErrCtrStateInvalid on an exec): kubeadm never ran, so its verdict defers to the
// node's; with a near miss where kubeadm ran and failed.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const started = [
  'Creating cluster "kind" ...',
  ' \u2713 Ensuring node image (kindest/node:v1.29.2)',
  ' \u2713 Preparing nodes',
  ' \u2713 Writing configuration',
  ' \u2717 Starting control-plane',
];
const init = (engine: string, exit: number, ...out: string[]) => ({
  phase: 'cluster-create' as const,
  output: [
    ...started,
    `ERROR: failed to create cluster: failed to init node with kubeadm: command "${engine} exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status ${exit}`,
    ...out,
  ].join('\n'),
});

describe("kind's kubeadm exec into a node that no longer runs", () => {
  // containers/podman libpod/container_exec.go, define.ErrCtrStateInvalid.
  it('podman: can only create exec sessions on running containers: container state improper', async () => {
    const d = await diagnoseShape(
      init(
        'podman',
        255,
        'Command Output: Error: can only create exec sessions on running containers: container state improper',
      ),
    );
    expect(d.top).toBe('kind-node-start');
    expect(d.of('kind-kubeadm-failed')).toBeLessThanOrEqual(0.3);
  });

  // moby/moby daemon/errors.go errNotRunning.
  it('docker: Error response from daemon: Container X is not running', async () => {
    const d = await diagnoseShape(
      init('docker', 1, 'Command Output: Error response from daemon: Container 3f2a9c1b is not running'),
    );
    expect(d.top).toBe('kind-node-start');
    expect(d.of('kind-kubeadm-failed')).toBeLessThanOrEqual(0.3);
  });

  it('near miss: kubeadm that ran and failed keeps its own verdict', async () => {
    const d = await diagnoseShape(
      init(
        'docker',
        1,
        'Command Output: [wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests". This can take up to 4m0s',
        '[kubelet-check] Initial timeout of 40s passed.',
        "error execution phase wait-control-plane: couldn't initialize a Kubernetes cluster",
      ),
    );
    expect(d.of('kind-kubeadm-failed')).toBeCloseTo(0.45);
  });
});
