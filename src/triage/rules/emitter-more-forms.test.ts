// Issue 14, generalisation, second pass: a proxy named by the port or host a client dialled, more runtimes' words
// for memory, an engine whose crash report sits beside its refused socket (no corpus case was read for these).
// Each form cites its emitter and has a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, type Shape } from './documented-forms.test-kit.js';

const build = (output: string): Shape => ({ phase: 'build', output });

describe('a connection that went to another server than the URL names: a proxy', () => {
  // nodejs/node lib/net.js (the connect error names address:port), as npm/make-fetch-happen relays it.
  it('Node dialled a port the https URL does not have (75%)', async () => {
    const d = await diagnoseShape(
      build(
        'npm ERR! FetchError: request to https://registry.npmjs.org/express failed, reason: connect ECONNREFUSED 10.0.0.1:3128',
      ),
    );
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeCloseTo(0.75);
  });

  it("near miss: Node dialled the URL's own port: no server answered (the download, below 50%)", async () => {
    const d = await diagnoseShape(
      build(
        'npm ERR! FetchError: request to https://registry.npmjs.org/express failed, reason: connect ECONNREFUSED 104.16.1.35:443',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('proxy')).toBe(0);
  });

  it('near miss: a bare IPv6 address keeps its port after the last colon', async () => {
    const d = await diagnoseShape(
      build(
        'npm ERR! request to https://registry.npmjs.org/x failed, reason: connect ECONNREFUSED 2606:4700::6810:1223:443',
      ),
    );
    expect(d.of('proxy')).toBe(0);
  });

  // golang/go src/net/dial.go: `dial tcp host:port`; kubeadm's kubelet check on http://localhost:10248.
  it("near miss: Go dialled an http URL's own port", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        '[kubelet-check] The HTTP call equal to \'curl -sSL http://localhost:10248/healthz\' failed with error: Get "http://localhost:10248/healthz": dial tcp [::1]:10248: connect: connection refused.',
    });
    expect(d.of('proxy')).toBe(0);
  });

  // apache/httpcomponents-client DefaultHttpClientConnectionOperator / HttpHostConnectException, as Maven relays it.
  it('Apache HttpClient connected to another host than the repository', async () => {
    const d = await diagnoseShape(
      build(
        '[ERROR] Could not transfer artifact org.x:y:pom:1.0 from/to central (https://repo.maven.apache.org/maven2): Connect to gw.corp.example:8080 [gw.corp.example/10.0.0.1] failed: Connection refused',
      ),
    );
    expect(d.top).toBe('proxy');
  });

  it('near miss: HttpClient connected to the repository itself', async () => {
    const d = await diagnoseShape(
      build(
        '[ERROR] Could not transfer artifact org.x:y:pom:1.0 from/to central (https://repo.maven.apache.org/maven2): Connect to repo.maven.apache.org:443 [repo.maven.apache.org/151.101.0.215] failed: Connection timed out',
      ),
    );
    expect(d.of('proxy')).toBe(0);
  });

  // axios/axios lib/core/settle.js: `Request failed with status code N`.
  it('a client that got 407 from its proxy', async () => {
    const d = await diagnoseShape(build('AxiosError: Request failed with status code 407'));
    expect(d.top).toBe('proxy');
  });

  it('near miss: a 404 is the server', async () => {
    const d = await diagnoseShape(build('AxiosError: Request failed with status code 404'));
    expect(d.of('proxy')).toBe(0);
  });
});

describe("more runtimes' words for memory that ran out", () => {
  it.each([
    // dotnet/runtime (emitting file not verified): System.OutOfMemoryException.
    [
      "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
      0.9,
    ],
    // openjdk/jdk src/hotspot/share/utilities/vmError.cpp: the native allocation failure report.
    [
      '# There is insufficient memory for the Java Runtime Environment to continue.\n# Native memory allocation (mmap) failed to map 123 bytes for committing reserved memory.',
      0.9,
    ],
    // php/php-src Zend/zend_alloc.c: memory_limit reached (70%: a limit of PHP's, not the machine's).
    [
      'PHP Fatal error:  Allowed memory size of 1610612736 bytes exhausted (tried to allocate 4096 bytes) in /usr/bin/composer on line 223',
      0.7,
    ],
  ])('%s', async (output, confidence) => {
    const d = await diagnoseShape(build(output));
    expect(d.top).toBe('oom-killed');
    expect(d.confidence).toBeCloseTo(confidence);
  });

  it('near miss: an exception that is not about memory', async () => {
    const d = await diagnoseShape(
      build('Unhandled exception. System.InvalidOperationException: Sequence contains no elements'),
    );
    expect(d.of('oom-killed')).toBe(0);
  });
});

describe("an engine's crash report beside its refused socket: crashed, not merely unreachable", () => {
  it.each([
    // torvalds/linux arch/x86/mm/fault.c (show_signal_msg): the kernel's report of a process's segfault.
    [
      'the kernel',
      '[123456.789] dockerd[1234]: segfault at 0 ip 000055d1c2a3b4c5 sp 00007ffd1e2f3a40 error 4 in dockerd[55d1c0000000+2a00000]\nerror during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/build": dial unix /var/run/docker.sock: connect: connection refused',
    ],
    // systemd/systemd src/core/service.c, then the docker client's refused socket (moby/moby client/errors.go).
    [
      'systemd',
      'docker.service: Main process exited, code=dumped, status=11/SEGV\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
  ])('%s', async (_name, output) => {
    const d = await diagnoseShape(build(output));
    expect(d.top).toBe('engine-crash');
  });

  it('near miss: a workload process that segfaulted is no engine', async () => {
    const d = await diagnoseShape(
      build(
        '[123456.789] node[1234]: segfault at 0 ip 000055d1c2a3b4c5 sp 00007ffd1e2f3a40 error 4 in node[55d1c0000000+2a00000]',
      ),
    );
    expect(d.of('engine-crash')).toBe(0);
  });
});

describe("a reverse proxy's own log is no proxy of this network", () => {
  it.each([
    // golang/go src/net/http/httputil/reverseproxy.go: the default ErrorHandler's log line.
    ['2024/03/01 10:00:00 http: proxy error: dial tcp 10.244.0.5:8080: connect: connection refused'],
    // vitejs/vite packages/vite/src/node/server/middlewares/proxy.ts: the dev server's proxy to a backend not up.
    ['[vite] http proxy error: /api/users\nError: connect ECONNREFUSED 127.0.0.1:8080'],
  ])('near miss: %s', async (output) => {
    const d = await diagnoseShape({ phase: 'test', output });
    expect(d.of('proxy')).toBe(0);
  });

  // apache/httpd modules/proxy/proxy_util.c (ap_proxyerror): the status line and its page's heading, as apt and curl
  // print them.
  it("Apache's 502 Proxy Error page on an http fetch is still the proxy", async () => {
    const d = await diagnoseShape(build('<html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1>'));
    expect(d.top).toBe('proxy');
  });
});
