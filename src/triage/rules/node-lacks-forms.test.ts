// Issue 14, ninth round: the kubelet of a kind node failing at start on a device or kernel file of the host the node
// does not carry (the block device behind /var/lib/kubelet on btrfs/ZFS, /dev/kmsg). kind's known issues ("Failed to
// get rootfs info / stat failed on /dev/...", kubernetes-sigs/kind site/content/docs/user/known-issues.md) say kind
// must mount that device into the node: the node's setup as much as the kubelet, and reports file it under either
// (the dev cases sysbox-394, a node that did not boot, and kind-known-issues-5, a kubelet not ready, print the same
// lines). kubelet-not-ready names both readings below 50%; its own refusals (swap) keep 80%.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const create = (...lines: string[]) => ({ phase: 'cluster-create' as const, output: lines.join('\n') });

describe("the kubelet failed at start on what the node lacks of the host's", () => {
  // The dev case sysbox-394 (nestybox/sysbox#394): a btrfs host, the kubelet's journal lines.
  it('the container manager cannot find the device behind /var/lib/kubelet: below 50%', async () => {
    const d = await diagnoseShape(
      create(
        'Sep 08 23:44:54 k8s-control-plane kubelet[13550]: W0908 23:44:54.468225   13550 fs.go:565] stat failed on /dev/sda5 with error: no such file or directory',
        'Sep 08 23:44:54 k8s-control-plane kubelet[13550]: F0908 23:44:54.468257   13550 kubelet.go:1350] Failed to start ContainerManager failed to get rootfs info: failed to get device for dir "/var/lib/kubelet": could not find device with major: 0, minor: 51 in cached partitions map',
      ),
    );
    expect(d.top).toBe('kubelet-not-ready');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The kubelet's OOM watcher needs /dev/kmsg (nested and LXC hosts do not give it).
  it('/dev/kmsg it cannot open: below 50%', async () => {
    const d = await diagnoseShape(
      create(
        'kubelet[312]: E0101 00:00:00.000000 312 run.go:74] "command failed" err="failed to run Kubelet: failed to create kubelet: open /dev/kmsg: no such file or directory"',
      ),
    );
    expect(d.top).toBe('kubelet-not-ready');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The kubelet's kernel tunables it cannot set (kubernetes pkg/kubelet/cm/container_manager_linux.go, setupKernelTunables).
  it('the container manager with kernel settings the node does not give: below 50%', async () => {
    const d = await diagnoseShape(
      create(
        '"Failed to start ContainerManager" err="[invalid kernel flag: vm/overcommit_memory, expected value: 1, actual value: 0, invalid kernel flag: kernel/panic, expected value: 10, actual value: 0]"',
      ),
    );
    expect(d.top).toBe('kubelet-not-ready');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // systemd's report that the kubelet's process exited says that it died, not why.
  it("systemd's kubelet.service: Main process exited alone: below 50%", async () => {
    const d = await diagnoseShape(
      create(
        'Oct 01 11:15:21 master systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE',
        "Oct 01 11:15:21 master systemd[1]: kubelet.service: Failed with result 'exit-code'.",
      ),
    );
    expect(d.top).toBe('kubelet-not-ready');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The dev case kubevirt-478: the kubelet's own reason beside systemd's report.
  it("near miss: the kubelet's own refusal to run with swap on stays 80%", async () => {
    const d = await diagnoseShape(
      create(
        'Oct 01 11:15:21 master kubelet[16173]: error: failed to run Kubelet: Running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false.',
        'Oct 01 11:15:21 master systemd[1]: kubelet.service: main process exited, code=exited, status=1/FAILURE',
      ),
    );
    expect(d.top).toBe('kubelet-not-ready');
    expect(d.confidence).toBeCloseTo(0.8);
  });
});
