// Issue 14, eleventh round: a kind node that did not come up, read by the families kind, systemd, the kubelet and
// containerd print for it (kind-node-start.ts, kind-systemd-boot.ts, kind-node-cgroups.ts), each with a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const create = (...lines: string[]) => ({ phase: 'cluster-create' as const, exitCode: 1, output: lines.join('\n') });
const BOOT = ['kind-node-start', 'kind-systemd-boot', 'kind-node-cgroups', 'kind-rootless-delegation'];

describe('a kind node that did not come up', () => {
  // kubernetes-sigs/kind pkg/cluster/nodeutils/util.go WriteFile, wrapped by the config action.
  it('kind could not write its kubeadm config into the node: failed to copy kubeadm config to node', async () => {
    const d = await diagnoseShape(
      create(
        ' \u2713 Preparing nodes \uD83D\uDCE6',
        ' \u2717 Writing configuration \uD83D\uDCDC',
        'ERROR: failed to create cluster: failed to copy kubeadm config to node: command "docker exec -i kind-control-plane cp /dev/stdin /kind/kubeadm.conf" failed with error: exit status 1',
      ),
    );
    expect(BOOT).toContain(d.top);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("kind's HA join that could not copy a certificate to the node: failed to copy certificate ca.crt: exit status 1", async () => {
    const d = await diagnoseShape(
      create('Error: failed to create cluster: failed to copy certificate ca.crt: exit status 1'),
    );
    expect(BOOT).toContain(d.top);
    expect(d.confidence).toBeLessThan(0.5);
  });

  // systemd src/shared/bus-util.c: systemctl in a node whose PID 1 is not systemd.
  it('systemctl in a node whose init is not systemd: System has not been booted with systemd as init system', async () => {
    const d = await diagnoseShape(
      create(
        'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1',
        "Command Output: System has not been booted with systemd as init system (PID 1). Can't operate.",
      ),
    );
    expect(d.top).toBe('kind-systemd-boot');
  });

  // kubernetes pkg/kubelet/cm/container_manager_linux.go.
  it("the kubelet's container manager without a controller mount: failed to find subsystem mount for required subsystem", async () => {
    const d = await diagnoseShape(
      create(
        'Jan 10 10:00:00 kind-control-plane kubelet[300]: E0110 10:00:00.000000     300 kubelet.go:1431] "Failed to start ContainerManager" err="failed to find subsystem mount for required subsystem: pids"',
      ),
    );
    expect(d.top).toBe('kind-node-cgroups');
  });

  // containerd/cgroups errors.go, as the node's containerd logs it for the kubelet's static pods.
  it("containerd's cgroups library in the node: cgroups: cgroup mountpoint does not exist", async () => {
    const d = await diagnoseShape(
      create(
        'Jan 10 10:00:00 kind-control-plane containerd[120]: time="2024-01-10T10:00:00Z" level=error msg="StartContainer for \\"abc\\" failed" error="failed to create containerd task: OCI runtime create failed: cgroups: cgroup mountpoint does not exist: unknown"',
      ),
    );
    expect(BOOT).toContain(d.top);
  });

  it("near miss: kind's kubeadm init that failed on the kubelet (no copy, no systemd words) is not the node's boot", async () => {
    const d = await diagnoseShape(
      create(
        'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1',
        '[kubelet-check] The kubelet is not healthy after 4m0s',
      ),
    );
    expect(d.of('kind-node-start')).toBe(0);
    expect(d.of('kind-systemd-boot')).toBe(0);
  });

  it("near miss: a test command's own file copy that failed is no kind node", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'failed to copy certificate ca.crt: exit status 1\nFAIL',
    });
    expect(d.of('kind-node-start')).toBe(0);
  });
});

describe("k3d's wait for its node's log line (k3d-io/k3d pkg/client/node.go)", () => {
  it('stopped returning log lines: the node container did not come up', async () => {
    const d = await diagnoseShape(
      create(
        "ERRO[0012] Failed Cluster Start: Failed to start server k3d-dev-server-0: Node k3d-dev-server-0 failed to get ready: error waiting for log line `k3s is up and running` from node 'k3d-dev-server-0': stopped returning log lines",
      ),
    );
    expect(BOOT).toContain(d.top);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("a fatal node line that names a cgroup: the cgroup rule over k3d's heading", async () => {
    const d = await diagnoseShape(
      create(
        'WARN[0007] warning: encountered fatal log from node k3d-dev-server-0 (retrying 0/10): time="2024-01-10T10:00:00Z" level=fatal msg="failed to find memory cgroup (v2)"',
      ),
    );
    expect(d.top).toBe('kind-node-cgroups');
  });

  it("near miss: k3d's log-line words in a test command are no node", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: "error waiting for log line `ready` from node 'svc': stopped returning log lines\nFAIL",
    });
    expect(d.of('kind-node-start')).toBe(0);
  });
});
