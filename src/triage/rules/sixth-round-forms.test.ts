// The sixth round of issue 14's dev-half gaps (after the 19 new cases), each from a dev case named in its test and
// with a near miss: the signal is a tool's own words for the cause, never one case's wording.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, type Shape } from './documented-forms.test-kit.js';

const pullFailed = (message: string): Shape => ({
  phase: 'deploy',
  output: message,
  pod: { phase: 'Pending', events: [{ type: 'Warning', reason: 'Failed', message }] },
});

describe("Go's bare reason phrase after an https URL is the proxy refusing the CONNECT", () => {
  it('containerd pulling through a proxy that refused its credentials (k3s-762)', async () => {
    const d = await diagnoseShape(
      pullFailed(
        'Failed to pull image "docker.io/nginx:1.17.3": rpc error: code = Unknown desc = failed to resolve image "docker.io/library/nginx:1.17.3": no available registry endpoint: failed to do request: Head https://registry-1.docker.io/v2/library/nginx/manifests/1.17.3: AuthRequir',
      ),
    );
    expect(d.top).toBe('proxy');
    expect(d.of('image-pull-failed')).toBeLessThan(0.5);
  });

  it("Go's own text for a CONNECT reply without a reason phrase", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error: initializing source docker://quay.io/app:1: Get "https://quay.io/v2/": unknown status code',
    });
    expect(d.top).toBe('proxy');
  });

  it("near miss: Go's own EOF after the URL is no proxy's answer", async () => {
    const d = await diagnoseShape(
      pullFailed(
        'Failed to pull image "docker.io/nginx:1.17.3": rpc error: code = Unknown desc = failed to resolve image "docker.io/library/nginx:1.17.3": failed to do request: Head https://registry-1.docker.io/v2/library/nginx/manifests/1.17.3: EOF',
      ),
    );
    expect(d.of('proxy')).toBe(0);
  });

  it("near miss: a context's deadline after the URL is no proxy's answer", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error: initializing source docker://quay.io/app:1: Get "https://quay.io/v2/": context deadline exceeded',
    });
    expect(d.of('proxy')).toBe(0);
  });
});

describe("a package manager's summary of failed fetches adds no cause of its own", () => {
  it("dnf's 'All mirrors were tried' after names that did not resolve is no repository answer (content-host-d-56)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        "Errors during downloading metadata for repository 'ubi-10-for-x86_64-baseos-rpms':",
        '  - Curl error (6): Could not resolve hostname for https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi10/10/x86_64/baseos/os/repodata/repomd.xml [Could not resolve host: cdn-ubi.redhat.com]',
        "Error: Failed to download metadata for repo 'ubi-10-for-x86_64-baseos-rpms': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried",
      ].join('\n'),
    });
    expect(d.top).toBe('dns-resolution');
    expect(d.of('build-dependency-download')).toBeLessThan(0.5);
  });

  it('the same summary after connections no server answered stays below 50%', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        "Errors during downloading metadata for repository 'baseos':",
        '  - Curl error (28): Timeout was reached for https://mirrors.example.org/baseos/repodata/repomd.xml [Connection timed out after 30000 milliseconds]',
        "Error: Failed to download metadata for repo 'baseos': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried",
      ].join('\n'),
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: the same summary after a mirror that answered 404 is the repository (85%)', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        "Errors during downloading metadata for repository 'baseos':",
        '  - Status code: 404 for https://mirrors.example.org/baseos/repodata/repomd.xml (IP: 10.0.0.1)',
        "Error: Failed to download metadata for repo 'baseos': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried",
      ].join('\n'),
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});

describe('a public registry that no server answered is a hint of a proxy the engine lacks, below 50%', () => {
  it("docker's pull timed out awaiting the registry's headers (docker-for-linux-1290)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'error response from daemon: get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (client.timeout exceeded while awaiting headers)',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('the connection reset by the remote host, in Winsock words (docker-for-win-3324)', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Get https://registry-1.docker.io/v2/: read tcp 10.1.58.204:56209->34.205.207.96:443: wsarecv: An existing connection was forcibly closed by the remote host.',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("the registry's 443 refused (moby-11201)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'FATA[0000] Get https://index.docker.io/v1/repositories/library/fedora/images: dial tcp 162.242.195.84:443: connection refused',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a local registry's port refusing is no proxy", async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output:
        'Error: trying to reuse blob at destination: Get "https://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    });
    expect(d.of('proxy')).toBe(0);
  });

  it('near miss: no route to the registry over IPv6 is a host without IPv6, no proxy', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp [2600:1f18:2148:bc00::1]:443: connect: network is unreachable',
    });
    expect(d.of('proxy')).toBe(0);
  });

  it('near miss: a resolver that did not answer is DNS, not an unanswered registry', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:41234->127.0.0.53:53: i/o timeout',
    });
    expect(d.top).toBe('dns-resolution');
    expect(d.of('proxy')).toBe(0);
  });
});

describe("a registry's own error message after the URL is no proxy's reason phrase", () => {
  it('near miss: docker\'s GHCR refusal (`Head "https://ghcr.io/v2/...": denied`) is the registry', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error response from daemon: Head "https://ghcr.io/v2/acme/app/manifests/latest": denied',
    });
    expect(d.of('proxy')).toBe(0);
  });

  it("near miss: docker's `unauthorized` after the URL is the registry", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error response from daemon: Head "https://ghcr.io/v2/acme/app/manifests/latest": unauthorized',
    });
    expect(d.of('proxy')).toBe(0);
  });
});

describe("a RUN step's download with no route out (ENETUNREACH) is the build's network, a proxy hint below 50%", () => {
  it("pip retrying on '[Errno 101] Network is unreachable' (misp-scraper-19)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        ' => [cron 4/8] RUN pip install --no-cache-dir -r requirements.txt',
        " => => # WARNING: Retrying (Retry(total=3, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection obj",
        " => => # ect at 0x75946d047e30>: Failed to establish a new connection: [Errno 101] Network is unreachable')': /simple/setuptools/",
      ].join('\n'),
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('build-dependency-download')).toBeGreaterThan(0);
  });

  it("Node's errno name for it (npm's `connect ENETUNREACH`)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'npm ERR! network request to https://registry.npmjs.org/left-pad failed, reason: connect ENETUNREACH 104.16.0.35:443',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: no route to an IPv6 address is a host without IPv6, no proxy', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'npm ERR! network request to https://registry.npmjs.org/left-pad failed, reason: connect ENETUNREACH 2606:4700::6810:1223:443',
    });
    expect(d.of('proxy')).toBe(0);
  });

  it("near miss: 'No route to host' (a firewall's ICMP reject) is no missing route: the download", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError(': Failed to establish a new connection: [Errno 113] No route to host')': /simple/flask/",
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('proxy')).toBe(0);
  });

  it('near miss: ENETUNREACH beside a timeout to another server is no network without a route', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'npm ERR! network request to https://registry.npmjs.org/left-pad failed, reason: connect ETIMEDOUT 104.16.0.35:443',
        'npm ERR! network connect ENETUNREACH 2606:4700::6810:1223:443',
      ].join('\n'),
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('proxy')).toBe(0);
  });
});
