// Issue 14, generalisation: a kind node that did not boot, as systemd, the kubelet, kubeadm's validators, kind's
// node entrypoint and the OCI runtimes print it (no corpus case was read for these). Each form cites its emitter
// and has a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const create = (output: string) => diagnoseShape({ phase: 'cluster-create', output });
const KUBEADM_FAILED =
  'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf" failed with error: exit status 1';

describe("systemd's own words when it does not boot as the node's PID 1", () => {
  it.each([
    // systemd/systemd src/shared/mount-setup.c: each API filesystem; src/core/main.c: the fatal status prefix.
    [
      'an API filesystem it could not mount',
      'Failed to mount tmpfs at /run: Operation not permitted\n[!!!!!!] Failed to mount API filesystems.',
    ],
    // systemd/systemd src/core/cgroup.c: the cgroup it runs in.
    [
      'the cgroup it cannot find itself in',
      'Cannot determine cgroup we are running in: No data available\n[!!!!!!] Failed to allocate manager object.\nExiting PID 1...',
    ],
    ['its fatal status prefix alone', '[!!!!!!] Failed to start up manager.'],
  ])('%s', async (_name, output) => {
    const d = await create(`${KUBEADM_FAILED}\n${output}`);
    expect(d.top).toBe('kind-systemd-boot');
    expect(d.of('kind-kubeadm-failed')).toBeLessThan(0.5);
  });

  it('near miss: a volume mount the kubelet failed for a pod is no node boot', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'MountVolume.SetUp failed for volume "data" : mount failed: exit status 32',
      pod: {
        phase: 'Pending',
        events: [
          {
            type: 'Warning',
            reason: 'FailedMount',
            message: 'MountVolume.SetUp failed for volume "data" : mount failed: exit status 32',
          },
        ],
      },
    });
    expect(d.of('kind-systemd-boot')).toBe(0);
  });
});

describe("the kubelet and kubeadm's validators on the host's cgroups", () => {
  // kubernetes/kubernetes pkg/kubelet/apis/config/validation/validation_linux.go: FailCgroupV1 (the default from
  // Kubernetes 1.35), wrapped as `failed to validate kubelet configuration` by cmd/kubelet/app/server.go.
  it('a kubelet that refuses a cgroup v1 host', async () => {
    const d = await create(
      `${KUBEADM_FAILED}\nE0101 kubelet[123]: "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release"`,
    );
    expect(d.top).toBe('kind-node-cgroups');
    expect(d.of('kind-kubeadm-failed')).toBeLessThan(0.5);
  });

  // kubernetes/system-validators validators/cgroup_validator.go, as kubeadm's SystemVerification reports it.
  it("kubeadm's preflight: a missing required cgroup", async () => {
    const d = await create(
      '[ERROR SystemVerification]: missing required cgroups: cpu\nerror execution phase preflight: [preflight] Some fatal errors occurred',
    );
    expect(d.top).toBe('kind-node-cgroups');
  });

  it("near miss: kubeadm's fixed hint list names no missing cgroup", async () => {
    const d = await create(
      `${KUBEADM_FAILED}\n[kubelet-check] The kubelet is not healthy after 4m0s\n\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)`,
    );
    expect(d.of('kind-node-cgroups')).toBe(0);
  });
});

describe("kind's node entrypoint and the OCI runtime refusing the node", () => {
  // kubernetes-sigs/kind images/base/files/usr/local/bin/entrypoint: validate_userns.
  it('the entrypoint: a controller not delegated to the rootless user', async () => {
    const d = await create(
      'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"\nINFO: running in a user namespace (experimental)\nERROR: UserNS: cpu controller needs to be delegated',
    );
    expect(d.top).toBe('kind-rootless-delegation');
  });

  it("near miss: the entrypoint's own INFO lines name no cause", async () => {
    const d = await create(
      'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"\nINFO: running in a user namespace (experimental)\nINFO: UserNS: kernel does not seem to support overlayfs.',
    );
    expect(d.top).toBe('kind-systemd-boot');
    expect(d.of('kind-rootless-delegation')).toBe(0);
  });

  // containers/podman libpod/define/errors.go: ErrOCIRuntimePermissionDenied; runc's `runc create failed` wrapper.
  it.each([
    ['podman: OCI permission denied', 'Error: crun: open `/dev/kmsg`: Permission denied: OCI permission denied'],
    [
      'runc: create failed',
      'Error: runc: runc create failed: unable to start container process: error during container init: error mounting "cgroup" to rootfs at "/sys/fs/cgroup": invalid argument',
    ],
  ])("%s on kind's node", async (_name, tail) => {
    const d = await create(
      `ERROR: failed to create cluster: podman run error: command "podman run --privileged --hostname kind-control-plane kindest/node:v1.29.2" failed with error: exit status 126\nCommand Output: ${tail}`,
    );
    expect(d.top).toBe('kind-node-start');
  });
});

describe("a runtime's own mount under /run is no API filesystem", () => {
  it("near miss: containerd's snapshot mount failing is not systemd's boot", async () => {
    const d = await create(
      `${KUBEADM_FAILED}\nfailed to mount overlay at /run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/rootfs: invalid argument`,
    );
    expect(d.of('kind-systemd-boot')).toBe(0);
  });
});
