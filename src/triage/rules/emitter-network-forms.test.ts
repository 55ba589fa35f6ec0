// Issue 14, generalisation: the proxy and TLS families as their emitters print them (no corpus case was read for
// these). Each form quotes the emitter's message (repository and file in the comment) and has a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, type Shape } from './documented-forms.test-kit.js';

const build = (output: string): Shape => ({ phase: 'build', output });
const pull = (output: string): Shape => ({ phase: 'pull', output, exitCode: 125 });

describe("a proxy in each emitter's words", () => {
  it.each([
    // curl/curl lib/strerror.c: CURLE_COULDNT_RESOLVE_PROXY's text, as librepo (dnf) relays it.
    [
      "curl's strerror for a proxy name that did not resolve",
      build(
        "Curl error (5): Couldn't resolve proxy name for https://mirrors.fedoraproject.org/metalink?repo=fedora-39",
      ),
    ],
    // curl/curl lib/url.c: a proxy variable curl cannot parse.
    [
      'curl: a proxy setting it cannot parse',
      build("curl: (5) Unsupported proxy syntax in 'http://user:p@ss@proxy:8080'"),
    ],
    ['curl: a proxy scheme it does not know', build("curl: (7) Unsupported proxy scheme for 'htpp://proxy:3128'")],
    // curl/curl lib/socks.c: a SOCKS proxy that would not connect.
    ['curl: a SOCKS5 proxy', build("curl: (97) Can't complete SOCKS5 connection to registry.npmjs.org. (4)")],
    // GNU wget (mirror/wget) src/retr.c: a proxy URL it cannot parse.
    [
      'wget: a proxy URL it cannot parse',
      build('Error parsing proxy URL http://user:p@ss@proxy:8080: Bad port number.'),
    ],
    // golang/net http/httpproxy/proxy.go: an HTTPS_PROXY value Go cannot parse.
    [
      'Go: a proxy address it cannot parse',
      pull(
        'Error: initializing source docker://quay.io/app:1: pinging container registry quay.io: Get "https://quay.io/v2/": invalid proxy address "http://proxy corp:3128": parse "http://proxy corp:3128": invalid character " " in host name',
      ),
    ],
    // golang/net internal/socks/socks.go: the dialer's Op is "socks connect".
    [
      'Go: a SOCKS proxy that refused',
      pull(
        'Error: Get "https://registry-1.docker.io/v2/": socks connect tcp 127.0.0.1:1080->registry-1.docker.io:443: dial tcp 127.0.0.1:1080: connect: connection refused',
      ),
    ],
    // npm/npm-registry-fetch lib/errors.js: the code is `E` and the status.
    [
      "npm's E407",
      build('npm ERR! code E407\nnpm ERR! 407 authenticationrequired: GET https://registry.npmjs.org/express'),
    ],
    // nodejs/undici lib/dispatcher/proxy-agent.js: a CONNECT the proxy did not accept.
    [
      "undici's failed tunnel",
      build(
        'TypeError: fetch failed\n  cause: RequestAbortedError [AbortError]: Proxy response (407) !== 200 when HTTP Tunneling',
      ),
    ],
    // Debian/apt methods/http.cc (HttpServerState::Open): a proxy setting of a scheme apt does not speak.
    ["apt's unsupported proxy", build('E: Unsupported proxy configured: htp://proxy:3128')],
    // squid-cache/squid errors/templates: every squid error page has this title.
    ["squid's error page", build('<title>ERROR: The requested URL could not be retrieved</title>')],
  ])('%s', async (_name, shape) => {
    const d = await diagnoseShape(shape);
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  // golang/go src/net/http/transport.go reports a refused CONNECT by its reason phrase; kubectl prefixes
  // `Unable to connect to the server:` (kubernetes/kubectl pkg/cmd/util/helpers.go). A bare status: 60%.
  it("kubectl's refused CONNECT with a gateway's timeout", async () => {
    const d = await diagnoseShape({ phase: 'deploy', output: 'Unable to connect to the server: Gateway Timeout' });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.85);
  });

  it.each([
    // kubernetes/kubernetes cmd/kubeadm/app/preflight/checks.go: HTTPProxyCheck and HTTPProxyCIDRCheck.
    [
      "kubeadm's preflight warning",
      '[WARNING HTTPProxy]: Connection to "https://172.18.0.2" uses proxy "http://proxy.corp:3128". If that is not intended, adjust your proxy settings\nerror execution phase wait-control-plane: couldn\'t initialize a Kubernetes cluster',
    ],
    // kubernetes/minikube pkg/minikube/node/start.go: the proxy warning before a start.
    [
      "minikube's NO_PROXY warning",
      '! You appear to be using a proxy, but your NO_PROXY environment does not include the minikube IP (192.168.49.2).\nX Exiting due to GUEST_START: wait: kubeadm init: Process exited with status 1',
    ],
  ])("%s: a proxy for the cluster's own addresses, below 50%", async (_name, output) => {
    const d = await diagnoseShape({ phase: 'cluster-create', output });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: a name that did not resolve is DNS, not a proxy', async () => {
    const d = await diagnoseShape(build('curl: (6) Could not resolve host: registry.npmjs.org'));
    expect(d.of('proxy')).toBe(0);
  });

  it("near miss: npm's E404 and a package named socks are no proxy", async () => {
    const d = await diagnoseShape(
      build('npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/socks5-connect - Not found'),
    );
    expect(d.of('proxy')).toBe(0);
  });

  it('near miss: a failed kubeadm without the proxy warning', async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: "error execution phase wait-control-plane: couldn't initialize a Kubernetes cluster",
    });
    expect(d.of('proxy')).toBe(0);
  });
});

describe("an untrusted or mismatched certificate in each client's words", () => {
  it.each([
    // curl/curl lib/vtls/openssl.c: the name checks.
    [
      'curl: no SAN matches',
      "curl: (60) SSL: no alternative certificate subject name matches target host name 'registry.local'",
    ],
    [
      'curl: the CN does not match',
      "curl: (51) SSL: certificate subject name 'a.example.com' does not match target host name 'registry.local'",
    ],
    // curl/curl lib/vtls/schannel.c relays Windows' text for SEC_E_UNTRUSTED_ROOT (named by lib/strerror.c).
    [
      'schannel: an untrusted root',
      'curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.',
    ],
    // nodejs/node lib/tls.js: checkServerIdentity's error.
    [
      "Node: the certificate's altnames",
      "npm ERR! code ERR_TLS_CERT_ALTNAME_INVALID\nnpm ERR! request to https://registry.npmjs.org/x failed, reason: Hostname/IP does not match certificate's altnames: Host: registry.npmjs.org. is not in the cert's altnames: DNS:*.corp.local",
    ],
    // openjdk/jdk src/java.base/share/classes/sun/security/util/HostnameChecker.java.
    [
      'the JDK: no SAN matches',
      'Caused by: java.security.cert.CertificateException: No subject alternative DNS name matching registry.local found.',
    ],
    // GNU wget (mirror/wget) src/openssl.c (the CN) and src/gnutls.c (the issuer).
    [
      'wget: the CN does not match',
      "ERROR: certificate common name 'a.example.com' doesn't match requested host name 'dl-cdn.alpinelinux.org'.",
    ],
    ['wget (GnuTLS): no known issuer', "ERROR: The certificate of 'dl-cdn.alpinelinux.org' hasn't got a known issuer."],
    // rustls/rustls rustls/src/error.rs: InvalidCertificate, as cargo relays it.
    [
      'rustls: an unknown issuer',
      'Caused by: [60] SSL peer certificate or SSH remote key was not OK (invalid peer certificate: UnknownIssuer)',
    ],
    // pypa/pip src/pip/_internal/index/collector.py: the page it could not fetch over TLS.
    [
      "pip's certificate problem",
      "Could not fetch URL https://pypi.org/simple/pip/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/pip/ - skipping",
    ],
  ])('%s', async (_name, output) => {
    const d = await diagnoseShape(build(output));
    expect(d.top).toBe('tls-untrusted');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    // golang/go src/net/http/client.go (send): a plain-HTTP registry where TLS was expected.
    [
      'Go: an HTTP answer to HTTPS',
      'Error: pinging container registry localhost:5001: Get "https://localhost:5001/v2/": http: server gave HTTP response to HTTPS client',
    ],
    // golang/go src/crypto/tls/conn.go: the same seen from the TLS record layer.
    [
      'Go: no TLS handshake',
      'Error response from daemon: Get "https://registry.local:5000/v2/": tls: first record does not look like a TLS handshake',
    ],
  ])('%s: a server without TLS, 60%', async (_name, output) => {
    const d = await diagnoseShape(pull(output));
    expect(d.top).toBe('tls-untrusted');
    expect(d.confidence).toBeCloseTo(0.6);
  });

  // golang/go src/crypto/tls/alert.go: the server's alert refusing the client certificate.
  it("Go: the server refused this client's certificate (70%)", async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Unable to connect to the server: remote error: tls: bad certificate',
    });
    expect(d.top).toBe('tls-untrusted');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  it('near miss: an https proxy URL given for an http proxy is the proxy', async () => {
    const d = await diagnoseShape(
      pull('Error: Get "https://quay.io/v2/": proxyconnect tcp: tls: first record does not look like a TLS handshake'),
    );
    expect(d.top).toBe('proxy');
  });

  it('near miss: a missing certificate file is no TLS verification', async () => {
    const d = await diagnoseShape(build('error: could not load PEM client certificate from /etc/ssl/client.pem'));
    expect(d.of('tls-untrusted')).toBe(0);
  });
});

describe('an expired certificate by this clock ranks over a wrong clock, both below 50%', () => {
  // golang/go src/crypto/x509/verify.go: `current time X is after NotAfter` (expired) or `is before NotBefore`.
  it("Go's 'is after': the certificate expired (tls 45%), a clock ahead second", async () => {
    const d = await diagnoseShape(
      pull(
        'Error: Get "https://reg.local/v2/": x509: certificate has expired or is not yet valid: current time 2024-03-01T10:00:00Z is after 2024-02-28T23:59:59Z',
      ),
    );
    expect(d.top).toBe('tls-untrusted');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('clock-skew')).toBeGreaterThan(0);
  });

  // curl/curl lib/vtls/openssl.c relays OpenSSL's X509_V_ERR_CERT_HAS_EXPIRED text.
  it("OpenSSL's 'certificate has expired' alone", async () => {
    const d = await diagnoseShape(build('curl: (60) SSL certificate problem: certificate has expired'));
    expect(d.top).toBe('tls-untrusted');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: Go's 'is before' is a clock behind (clock-skew 85%)", async () => {
    const d = await diagnoseShape(
      pull(
        'Error: Get "https://reg.local/v2/": x509: certificate has expired or is not yet valid: current time 2019-03-01T10:00:00Z is before 2024-02-28T23:59:59Z',
      ),
    );
    expect(d.top).toBe('clock-skew');
    expect(d.of('tls-untrusted')).toBe(0);
  });

  it('near miss: the bare ambiguous form keeps the clock first', async () => {
    const d = await diagnoseShape(
      pull('Error: Get "https://reg.local/v2/": x509: certificate has expired or is not yet valid'),
    );
    expect(d.top).toBe('clock-skew');
    expect(d.confidence).toBeLessThan(0.5);
  });
});
