// The fifth round of issue 14's dev-half gaps (after the 66 new cases), each from a dev case named in its test and
// with a near miss: the signal is a tool's own words for the cause, never one case's wording.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("a gateway's 502 Proxy Error on an https fetch is the server side answering", () => {
  it('go get reading https://gopkg.in: the download failed (secrets-store-csi-driver-provider-aws-656)', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        '# get https://gopkg.in/yaml.v2?go-get=1: 502 Proxy Error (10.138s)',
        'go: gopkg.in/evanphx/json-patch.v4@v4.13.0: unrecognized import path "gopkg.in/evanphx/json-patch.v4": reading https://gopkg.in/evanphx/json-patch.v4?go-get=1: 502 Proxy Error',
      ].join('\n'),
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('proxy')).toBeLessThan(0.5);
  });

  it('near miss: apt fetching http:// through a proxy that answers 502 Proxy Error is the proxy', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease  502  Proxy Error\nE: Some index files failed to download.',
    });
    expect(d.top).toBe('proxy');
  });

  it("near miss: Go's bare reason for a refused CONNECT is the proxy", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error: initializing source docker://quay.io/app:1: Get "https://quay.io/v2/": Proxy Error',
    });
    expect(d.top).toBe('proxy');
  });
});

describe('a full disk in the storage driver and in a node that did not come up', () => {
  it("docker's devicemapper thin pool below dm.min_free_space (makeabilitylab-website-678)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'docker: Error response from daemon: devmapper: Thin Pool has 158057 free data blocks which is less than minimum required 163840 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior.',
    });
    expect(d.top).toBe('disk-full');
    expect(d.of('tests-failed')).toBeLessThan(0.5);
  });

  it('near miss: another devicemapper error is no full disk', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'docker: Error response from daemon: devmapper: Unknown device 4a3b1c.',
    });
    expect(d.of('disk-full')).toBe(0);
  });

  it("a kind node's kubelet evicting to reclaim ephemeral-storage (kind-known-issues-6)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: [
        'Dec 07 00:37:53 kind-1-control-plane kubelet[688]: I1207 00:37:53.229561     688 eviction_manager.go:340] eviction manager: must evict pod(s) to reclaim ephemeral-storage',
        'Dec 07 00:37:53 kind-1-control-plane kubelet[688]: E1207 00:37:53.229638     688 eviction_manager.go:351] eviction manager: eviction thresholds have been met, but no pods are active to evict',
      ].join('\n'),
    });
    expect(d.top).toBe('disk-full');
    expect(d.confidence).toBeLessThan(0.85);
  });

  it('near miss: the eviction manager reclaiming memory is no disk', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'Dec 07 00:37:53 kind-1-control-plane kubelet[688]: I1207 00:37:53.229561     688 eviction_manager.go:340] eviction manager: must evict pod(s) to reclaim memory',
    });
    expect(d.of('disk-full')).toBe(0);
  });
});

describe("the API server's own words for an object held or a grant refused", () => {
  it("RBAC's escalation prevention refusing a hook's Role (slurm-k8s-cluster-44)", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'Error: INSTALLATION FAILED: failed pre-install: warning: Hook pre-install slurm-cluster-chart/templates/secret-generator-role.yaml failed: server-side apply failed for object somenamespace/secret-generator-role rbac.authorization.k8s.io/v1, Kind=Role: roles.rbac.authorization.k8s.io "secret-generator-role" is forbidden: user "someuid" (groups=["somegroups"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["apply"]}',
    });
    expect(d.top).toBe('rbac-forbidden');
  });

  it('near miss: a Role the API server finds invalid is the manifest, not RBAC', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'The Role "secret-generator-role" is invalid: rules[0].verbs: Required value: verbs must contain at least one value',
    });
    expect(d.of('rbac-forbidden')).toBe(0);
  });

  it('kubectl create meeting a namespace left by an earlier run (cloud-on-k8s-1449)', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Error from server (AlreadyExists): namespaces "e2e-mercury" already exists',
    });
    expect(d.top).toBe('release-held');
    expect(d.confidence).toBeLessThan(0.85);
    expect(d.of('deploy-apply-failed')).toBeLessThan(0.5);
  });

  it("helm refusing to adopt an object no release of its own owns (helm's documented install error)", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'Error: INSTALLATION FAILED: rendered manifests contain a resource that already exists. Unable to continue with install: ServiceAccount "web" in namespace "shop" exists and cannot be imported into the current release: invalid ownership metadata',
    });
    expect(d.top).toBe('release-held');
  });

  it("near miss: a crash-looping controller's own log of a conflict is no held object of the deploy", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Error from server (AlreadyExists): configmaps "leader-lock" already exists',
      pod: {
        name: 'operator-0',
        phase: 'Running',
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' },
        terminated: { reason: 'Error', exitCode: 1 },
        restartCount: 6,
      },
    });
    expect(d.top).toBe('crash-loop');
    expect(d.of('release-held')).toBeLessThan(0.5);
  });

  it('near miss: a namespace that is not there is no held object', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Error from server (NotFound): namespaces "e2e-mercury" not found',
    });
    expect(d.of('release-held')).toBe(0);
  });
});

describe("the engine's own process or VM died", () => {
  it("systemd-coredump's report of the podman process in a build (buildah-1990)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'Process 421161 (podman) of user 1000 dumped core.',
        '',
        'Stack trace of thread 421169:',
        '#0  0x0000560406936491 runtime.raise (podman)',
        '#8  0x000056040691be70 runtime.sigpanic (podman)',
        '#10 0x0000560407a709aa main.checkIfFileExists (podman)',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: a RUN step's own program dumping core, reported by the builder, is the instruction", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'Process 5120 (node) of user 0 dumped core.',
        'Error: building at STEP "RUN npm test": while running runtime: exit status 139',
      ].join('\n'),
    });
    expect(d.top).toBe('build-failed');
    expect(d.of('engine-crash')).toBe(0);
  });

  it("podman machine's VM process exited unexpectedly: a crash hint below 50% (podman-19708)", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Starting machine "podman-machine-default"\nWaiting for VM ...\n\nError: qemu exited unexpectedly with exit code -1, stderr: qemu-system-x86_64: Error: HV_DENIED',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('engine-unreachable')).toBeGreaterThan(0);
  });

  it('near miss: a machine that is not running is unreachable, not crashed', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Error: unable to connect to Podman socket: failed to connect: dial tcp 127.0.0.1:53045: connect: connection refused',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.of('engine-crash')).toBe(0);
  });
});

describe('kind could not read a node it had just started', () => {
  it('its read of /kind/version came back empty (kind-3065)', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: [
        'Creating cluster "kind" ...',
        ' \u2713 Preparing nodes \ud83d\udce6',
        ' \u2717 Writing configuration \ud83d\udcdc',
        'ERROR: failed to create cluster: failed to generate kubeadm config content: failed to get kubernetes version from node: file should only be one line, got 0 lines',
      ].join('\n'),
    });
    expect(d.top).toBe('kind-node-start');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('its exec of cat /kind/version failed, as kind export logs prints it for a dead node (kind-2236)', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'ERROR: [command "docker exec --privileged kind-control-plane journalctl --no-pager" failed with error: exit status 1, command "docker exec --privileged kind-control-plane cat /kind/version" failed with error: exit status 1]',
    });
    expect(d.top).toBe('kind-node-start');
  });

  it("near miss: kubeadm init failing in the node is kubeadm's, not a node that did not start", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1',
    });
    expect(d.of('kind-node-start')).toBe(0);
  });
});

describe("a proxy's failed CONNECT with any status is still the proxy", () => {
  it.each([
    'curl: (56) Received HTTP code 502 from proxy after CONNECT',
    'E: Failed to fetch https://download.docker.com/linux/ubuntu/dists/jammy/InRelease  Invalid response from proxy: HTTP/1.1 502 Proxy Error  [IP: 10.0.0.1 80]',
  ])('%s', async (line) => {
    const d = await diagnoseShape({ phase: 'build', output: line });
    expect(d.top).toBe('proxy');
  });
});

describe("kind's pull of its node image, answered by the registry", () => {
  const pull = (answer: string) => ({
    phase: 'cluster-create' as const,
    output: [
      'ERROR: failed to create cluster: failed to pull image "kindest/node:v1.99.0": command "docker pull kindest/node:v1.99.0" failed with error: exit status 1',
      `Command Output: ${answer}`,
    ].join('\n'),
  });

  it('a node image the registry does not serve is the image (manifest unknown)', async () => {
    const d = await diagnoseShape(
      pull(
        'Error response from daemon: manifest for kindest/node:v1.99.0 not found: manifest unknown: manifest unknown',
      ),
    );
    expect(d.top).toBe('image-pull-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('near miss: a node image pull that timed out names no missing image', async () => {
    const d = await diagnoseShape(
      pull(
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      ),
    );
    expect(d.of('image-pull-failed')).toBeLessThan(0.5);
  });
});
