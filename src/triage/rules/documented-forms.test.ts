// Failure texts as the tools document them or as upstream reports quote them (issue 14: generalise from the
// components' own words, not from the corpus's test half). Each goes through the path of a live failure into diagnose,
// with a near case that must not get the same verdict. Sources are named beside each text.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, pending } from './documented-forms.test-kit.js';

describe('a full disk in the words of the programs that hit it', () => {
  it("apt's refusal before it downloads (AbdBarho/stable-diffusion-webui-docker#666)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        "2.134 E: You don't have enough free space in /var/cache/apt/archives/.",
        'failed to solve: process "/bin/sh -c apt-get -y install libgoogle-perftools-dev && apt-get clean" did not complete successfully: exit code: 100',
      ].join('\n'),
    });
    expect(d.top).toBe('disk-full');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  it("dnf's disk requirement summary (AAROC/DevOps#151)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'Error Summary\n-------------\nDisk Requirements:\n  At least 119MB more space needed on the / filesystem.',
    });
    expect(d.top).toBe('disk-full');
  });

  it('near case: a test of the build that only mentions free space is the instruction failing', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        '#8 0.513 Expected: "enough free space in /data"\nfailed to solve: process "/bin/sh -c npm test" did not complete successfully: exit code: 1',
    });
    expect(d.top).toBe('build-failed');
  });

  it('a pod refused by the disk-pressure taint is the full disk, not its requests (rootless-containers/usernetes#155, secretflow/kuscia#236)', async () => {
    for (const message of [
      "0/1 nodes are available: 1 node(s) had taint {node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate.",
      '0/2 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ]) {
      const d = await diagnoseShape(pending(message));
      expect(d.top).toBe('disk-full');
      expect(d.of('unschedulable')).toBeLessThan(0.5);
    }
  });

  it('near case: a pod that also lacks cpu is unschedulable for its requests', async () => {
    const d = await diagnoseShape(
      pending(
        "0/3 nodes are available: 1 node(s) had taint {node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate, 2 Insufficient cpu.",
      ),
    );
    expect(d.top).toBe('unschedulable');
  });
});

describe('a proxy that refused the CONNECT', () => {
  it("Python's http.client and curl name the failed tunnel (pypa/pip#5535, yt-dlp/yt-dlp#9434, Jaammerr/The-Dawn-Bot#2)", async () => {
    for (const output of [
      'Download error on https://pypi.org/simple/acr/: Tunnel connection failed: 400 Bad Request -- Some packages may not be found!',
      '[download] Got error: <urlopen error Tunnel connection failed: 403 Forbidden>. Retrying (1/10)...',
      'curl: (56) CONNECT tunnel failed, response 502',
    ]) {
      const d = await diagnoseShape({ phase: 'build', output });
      expect(d.top).toBe('proxy');
      expect(d.confidence).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("near case: npm's standing advice about proxies is no evidence of one", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'npm ERR! code ETIMEDOUT',
        'npm ERR! network request to https://registry.npmjs.org/express failed, reason: connect ETIMEDOUT 104.16.0.35:443',
        'npm ERR! network If you are behind a proxy, please make sure that the',
        "npm ERR! network 'proxy' config is set properly.  See: 'npm help config'",
      ].join('\n'),
    });
    expect(d.top).not.toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });
});

describe('another run holding the Helm release', () => {
  it('a release left pending, or a name still in use (helm/helm#10549, helm/helm#8380)', async () => {
    for (const output of [
      'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
      'Error: INSTALLATION FAILED: cannot re-use a name that is still in use',
    ]) {
      const d = await diagnoseShape({ phase: 'deploy', output });
      expect(d.top).toBe('release-held');
      expect(d.confidence).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('near case: an upgrade that timed out holds nothing', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Error: UPGRADE FAILED: timed out waiting for the condition',
    });
    expect(d.top).not.toBe('release-held');
  });
});

describe("BuildKit's server going away, in its wrapped forms", () => {
  it('failed to solve: Unavailable, and the gRPC transport closing (kubernetes-sigs/headlamp#1278, docker/buildx#2789)', async () => {
    for (const output of [
      '#29 4.414 Creating an optimized production build...\nERROR: failed to solve: Unavailable: error reading from server: EOF',
      '#12 exporting to image\nERROR: failed to receive status: rpc error: code = Unavailable desc = closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway: code: NO_ERROR, debug data: "graceful_stop"',
    ]) {
      const d = await diagnoseShape({ phase: 'build', output });
      expect(d.top).toBe('engine-crash');
    }
  });

  it("near case: the same words printed by a RUN step's own program are the workload's", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        '#9 1.201 rpc error: code = Unavailable desc = error reading from server: EOF\nfailed to solve: process "/bin/sh -c ./client-test" did not complete successfully: exit code: 1',
    });
    expect(d.top).not.toBe('engine-crash');
  });
});

describe('kind nodes that do not boot', () => {
  it('kind 0.7 names the node with --hostname first (kubernetes-sigs/kind#1410)', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        ' ✗ Preparing nodes 📦\nERROR: failed to create cluster: docker run error: command "docker run --hostname mkpod-control-plane --name mkpod-control-plane --label io.x-k8s.kind.role=control-plane --privileged kindest/node:v1.17.0" failed with error: exit status 125',
    });
    expect(d.top).toBe('kind-node-start');
  });

  it("the kubelet refusing kind's cgroup root (kubernetes-sigs/kind#1969)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'Dec 07 19:16:44 ovn-control-plane kubelet[994]: F1207 19:16:44.170173     994 server.go:269] failed to run Kubelet: invalid configuration: cgroup-root ["kubelet"] doesn\'t exist',
    });
    expect(d.top).toBe('kind-node-cgroups');
  });
});

describe('registry credentials', () => {
  it('podman\'s "invalid username/password" and a missing docker credential helper (containers/podman#1963, docker/for-mac#7445)', async () => {
    for (const [phase, output] of [
      [
        'pull',
        'Error: unable to pull docker://docker.io/library/alpine:latest: unable to pull image: Error determining manifest MIME type for docker://alpine:latest: unable to retrieve auth token: invalid username/password',
      ],
      [
        'pull',
        'error getting credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``',
      ],
    ] as const) {
      const d = await diagnoseShape({ phase, output });
      expect(d.top).toBe('registry-auth');
      expect(d.confidence).toBeGreaterThanOrEqual(0.85);
    }
  });
});
