// More failure texts in their documented forms (issue 14), as in documented-forms.test.ts: lookups named late in a
// line, dropped engine calls, pulls that were refused, consequences that defer to their cause, limits and refusals.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe('a failed lookup named late in a long line (a quote keeps 240 characters; the rules read the whole line)', () => {
  it("pip's EAI_NODATA after urllib3's retry preamble: the name, then the download (getaddrinfo(3))", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -5] No address associated with hostname')': /simple/flask/",
    });
    expect(d.top).toBe('dns-resolution');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('build-dependency-download')).toBeLessThan(d.confidence);
  });
});

describe('an engine that took the call and dropped it is not an engine that was never there', () => {
  it("a probe whose socket reset or closed the accepted call: the service died during it (Go's net errors)", async () => {
    for (const output of [
      'Error: Get "http://d/v4.0.0/libpod/_ping": read unix @->/run/user/1000/podman/podman.sock: read: connection reset by peer',
      'error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/info": EOF',
    ]) {
      const d = await diagnoseShape({ phase: 'engine-probe', exitCode: 125, output });
      expect(d.top).toBe('engine-crash');
      expect(d.of('engine-unreachable')).toBeLessThan(0.5);
    }
  });

  it('near case: a refused connect on the same socket is an engine that is not there', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Error: unable to connect to Podman socket: Get "http://d/v4.5.0/libpod/_ping": dial unix /run/user/1000/podman/podman.sock: connect: connection refused',
    });
    expect(d.top).toBe('engine-unreachable');
  });
});

describe('a failed pull claims "not served" only with the words for it', () => {
  it('a pull the engine dropped names no missing image (below an even chance)', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      exitCode: 125,
      output:
        'Trying to pull docker.io/library/nginx:latest...\nError: Post "http://d/v4.2.0/libpod/images/pull?reference=nginx": EOF',
    });
    expect(d.of('image-pull-failed')).toBeLessThan(0.5);
  });

  it("near case: the registry's manifest unknown is the image not served (containers/podman#6595)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      exitCode: 125,
      output:
        'Trying to pull registry.gitlab.com/lightmeter/controlcenter...\n  manifest unknown: manifest unknown\nError: error pulling image "registry.gitlab.com/lightmeter/controlcenter": unable to pull registry.gitlab.com/lightmeter/controlcenter: unable to pull image: Error initializing source docker://registry.gitlab.com/lightmeter/controlcenter:latest: Error reading manifest latest in registry.gitlab.com/lightmeter/controlcenter: manifest unknown: manifest unknown',
    });
    expect(d.top).toBe('image-pull-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});

describe('a consequence defers to the cause it follows from', () => {
  const KUBEADM =
    'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec --privileged kind-control-plane kubeadm init --ignore-preflight-errors=all --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1';

  it("kubeadm failing on a node whose kubelet cannot use the host's cgroups is the cgroups (chaos-mesh/chaos-mesh#163's kubeadm line, kubernetes-sigs/kind#1969's kubelet line)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: `${KUBEADM}\nDec 07 19:16:44 ovn-control-plane kubelet[994]: F1207 19:16:44.170173     994 server.go:269] failed to run Kubelet: invalid configuration: cgroup-root ["kubelet"] doesn't exist`,
    });
    expect(d.top).toBe('kind-node-cgroups');
    expect(d.of('kind-kubeadm-failed')).toBeLessThan(0.5);
  });

  it('near case: kubeadm failing alone stays the kubeadm verdict', async () => {
    const d = await diagnoseShape({ phase: 'cluster-create', output: KUBEADM });
    expect(d.top).toBe('kind-kubeadm-failed');
  });

  it("kubectl's `error when creating` wrapper names no fault of the manifest; a namespace being deleted holds the env (the API server's NamespaceLifecycle admission)", async () => {
    const terminating = await diagnoseShape({
      phase: 'deploy',
      output:
        'Error from server (Forbidden): error when creating "k8s/app.yaml": deployments.apps "api" is forbidden: unable to create new content in namespace shop because it is being terminated',
    });
    expect(terminating.top).toBe('release-held');
    expect(terminating.of('deploy-apply-failed')).toBeLessThan(0.5);
  });

  it("near case: a missing namespace is the manifest's order (kubectl's NotFound)", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Error from server (NotFound): error when creating "app.yaml": namespaces "shop" not found',
    });
    expect(d.top).toBe('deploy-apply-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});

describe('limits, lookups and refusals in more of their documented forms', () => {
  it("the Go runtime out of threads names the process limit, and explains its own crash (Go's runtime/os_linux.go)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 2,
      output:
        'runtime: failed to create new OS thread (have 11 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc',
    });
    expect(d.top).toBe('file-limits');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("Elasticsearch's file descriptor bootstrap check (Elastic docs: File descriptor check)", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'ERROR: [1] bootstrap checks failed\n[1]: max file descriptors [4096] for elasticsearch process is too low, increase to at least [65535]',
      pod: {
        phase: 'Running',
        waiting: { reason: 'CrashLoopBackOff' },
        terminated: { reason: 'Error', exitCode: 78 },
        restartCount: 4,
      },
    });
    expect(d.top).toBe('file-limits');
  });

  it("Go's resolver timing out without naming its server (net.DNSError)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      exitCode: 125,
      output:
        'Error: initializing source docker://nginx:latest: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: i/o timeout',
    });
    expect(d.top).toBe('dns-resolution');
  });

  it("a push refused with docker's `requested access to the resource is denied` is the credentials", async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output:
        'The push refers to repository [docker.io/acme/api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied',
    });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('near case: the same words on a pull may be a repository that does not exist (not confident)', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        "Error response from daemon: pull access denied for acme/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    });
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("the OCI runtime refusing a kind node's container (crun's `OCI runtime error`)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: 'Error: crun: writing file `/sys/fs/cgroup/cgroup.subtree_control`: Invalid argument: OCI runtime error',
    });
    expect(d.top).toBe('kind-node-start');
  });
});
