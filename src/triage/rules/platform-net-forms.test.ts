// The network and TLS markers in each platform's and runtime's own words (issue 14, generalisation): Winsock's error
// texts (Microsoft's "Windows Sockets Error Codes": WSAECONNRESET, WSAECONNREFUSED, WSAETIMEDOUT),
// the JVM's PKIX failure, Node's TLS error codes, wget's, GnuTLS's (git) and apt's untrusted certificate. Each through
// the replay path, with a near case that must not read as the marker.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';
import { markersIn } from './infra-markers.js';

describe('each platform names the same network failure in its own words', () => {
  it.each([
    [
      'A connection attempt failed because the connected party did not properly respond after a period of time (10.0.0.5:443)',
      'timeout',
    ],
    ['A socket operation was attempted to an unreachable network. (registry.corp:443)', 'network'],
    [
      'This is usually a temporary error during hostname resolution and means that the local server did not receive a response from an authoritative server.',
      'dns',
    ],
    ["wget: unable to resolve host address 'dl-cdn.alpinelinux.org'", 'dns'],
    [
      'No connection could be made because the target machine actively refused it. 127.0.0.1:6443',
      'connection-refused',
    ],
  ])('%s', (text, id) => {
    expect(markersIn([{ source: 'out', text }])[0]?.id).toBe(id);
  });

  it('near case: a sentence about a host that is known to refuse is no marker', () => {
    expect(markersIn([{ source: 'out', text: 'the target machine is known to refuse telnet' }])).toEqual([]);
  });
});

describe("Winsock's texts are the network markers on Windows clients", () => {
  it('a pull whose connection the registry side reset explains no pull verdict (docker-for-win-3324)', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Using default tag: latest\nError response from daemon: Get https://registry-1.docker.io/v2/: read tcp 10.1.58.204:56209->34.205.207.96:443: wsarecv: An existing connection was forcibly closed by the remote host.',
    });
    expect(d.of('image-pull-failed')).toBe(0);
  });

  it("WSAECONNREFUSED in a test keeps tests-failed below 50% (a refused connection is the test's service)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (localhost:5000)',
    });
    expect(d.of('tests-failed')).toBeLessThan(0.5);
  });

  it('near case: an assertion about a refused request is a failed test', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'FAIL checkout.spec.ts > rejects an empty cart\n  Expected status 422, received 200',
    });
    expect(d.top).toBe('tests-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe("an untrusted certificate in the JVM's, Node's, wget's, git's and apt's words", () => {
  it.each([
    '[ERROR] Failed to execute goal on project api: Could not transfer artifact org.slf4j:slf4j-api:pom:2.0.9 from/to central (https://repo.maven.apache.org/maven2): PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    'npm ERR! code UNABLE_TO_VERIFY_LEAF_SIGNATURE\nnpm ERR! request to https://registry.npmjs.org/express failed, reason: unable to verify the first certificate',
    "ERROR: cannot verify github.com's certificate, issued by 'CN=Corp Inspection CA':",
    "fatal: unable to access 'https://git.corp.example/app.git/': server certificate verification failed. CAfile: none CRLfile: none",
  ])('%s', async (line) => {
    const d = await diagnoseShape({ phase: 'build', output: line });
    expect(d.top).toBe('tls-untrusted');
  });

  it('near case: a build step that generates a certificate is no TLS failure', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        '#7 0.41 Generating a certificate for webhook.svc\n#7 0.52 error: openssl req: unknown option -addext\nfailed to solve: process "/bin/sh -c ./gen-cert.sh" did not complete successfully: exit code: 1',
    });
    expect(d.top).toBe('build-failed');
    expect(d.of('tls-untrusted')).toBe(0);
  });
});

describe("Quay's UNAUTHORIZED on a pull names two causes", () => {
  it('a misspelt repository (jetstack/kube-oidc-proxy#189) reads like a private one (sgreben/yeetgif#3): both below 50%', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error: initializing source docker://quay.io/voucher/vouch-proxy:latest: reading manifest latest in quay.io/voucher/vouch-proxy: unauthorized: access to the requested resource is not authorized',
    });
    expect(d.top).toBe('image-pull-failed');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('registry-auth')).toBeLessThan(0.5);
  });

  it('near miss: the same answer to a push is credentials (operator-framework/operator-sdk#1337)', async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output:
        'The push refers to repository [quay.io/example/memcached-operator]\nunauthorized: access to the requested resource is not authorized',
    });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});
