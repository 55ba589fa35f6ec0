// Failure texts as the tools document them or as upstream reports quote them (issue 14: generalise from the
// components' own words, not from the corpus's test half). Each goes through the path of a live failure into diagnose,
// with a near case that must not get the same verdict. Sources are named beside each text.
import { describe, expect, it } from 'vitest';
import type { CorpusCase } from '../replay/corpus-case.js';
import { replayCase } from '../replay/replay-case.js';

type Shape = Pick<CorpusCase, 'phase' | 'output'> & Partial<Pick<CorpusCase, 'exitCode' | 'pod'>>;

/** The top verdict (rule id and confidence) and the confidence of every verdict, by rule id. */
async function diagnoseShape(shape: Shape) {
  const c: CorpusCase = {
    id: 'documented-form',
    category: 'dns',
    source: { url: 'https://example.test/documented-form' },
    rootCause: 'unit test',
    exitCode: 1,
    pod: null,
    ...shape,
  };
  const { diagnosis } = await replayCase(c);
  const top = diagnosis.verdicts[0];
  const of = (id: string) => diagnosis.verdicts.find((v) => v.ruleId === id)?.confidence ?? 0;
  return { top: top?.ruleId, confidence: top?.confidence ?? 0, of };
}

function pending(message: string): Shape {
  return {
    phase: 'deploy',
    output: message,
    pod: { phase: 'Pending', events: [{ type: 'Warning', reason: 'FailedScheduling', message }] },
  };
}

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
