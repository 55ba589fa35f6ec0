// Issue 14, twelfth round: download failures in the words of the JVM's HTTP clients (Apache HttpComponents, the JDK,
// as Maven and Gradle relay them), Gradle's wrapper, conda and curl's TLS backends, Python's http.client; with near
// misses where the same words are no download's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines, '3/5');

describe('a download the network broke, in the JVM clients, conda and curl words', () => {
  // maven-resolver's `Could not transfer artifact A from/to R (URL): <cause>` with the JDK's bare SocketException text.
  it("Maven's transfer cut by a reset: from/to central (URL): Connection reset", async () => {
    const d = await diagnoseShape(
      run(
        'mvn -B package',
        '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not transfer artifact org.slf4j:slf4j-api:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): Connection reset -> [Help 1]',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  // httpcore ContentLengthInputStream: the body ended before its Content-Length.
  it("Apache HttpClient's body cut short: Premature end of Content-Length delimited message body (85%)", async () => {
    const d = await diagnoseShape(
      run(
        'mvn -B package',
        '[ERROR] Plugin org.apache.maven.plugins:maven-compiler-plugin:3.11.0 or one of its dependencies could not be resolved: Could not transfer artifact org.ow2.asm:asm:jar:9.4 from/to central (https://repo.maven.apache.org/maven2): transfer failed for https://repo.maven.apache.org/maven2/org/ow2/asm/asm/9.4/asm-9.4.jar: Premature end of Content-Length delimited message body (expected: 122,004; received: 53,112)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  // gradle/gradle wrapper Download.java: `Downloading from URL failed: timeout (Nms)`.
  it("Gradle's wrapper download that timed out (connect-only, 48%)", async () => {
    const d = await diagnoseShape(
      run(
        './gradlew build',
        'Downloading https://services.gradle.org/distributions/gradle-8.5-bin.zip',
        'Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-8.5-bin.zip failed: timeout (10000ms)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.48);
  });

  // conda gateways/connection/download.py: no server answered the request.
  it("conda's HTTP 000 CONNECTION FAILED for url (connect-only)", async () => {
    const d = await diagnoseShape(
      run(
        'conda install -y numpy',
        'CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://conda.anaconda.org/conda-forge/linux-64/current_repodata.json>',
        'Elapsed: -',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  // curl lib/vtls/openssl.c: the TLS connect the peer cut (curl's error 35).
  it("curl's OpenSSL connect cut: SSL_ERROR_SYSCALL in connection to nodejs.org:443", async () => {
    const d = await diagnoseShape(
      run(
        'curl -fsSLO https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz',
        'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to nodejs.org:443',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  // curl lib/vtls/gtls.c, as git relays it.
  it("git's GnuTLS handshake cut: gnutls_handshake() failed: Error in the pull function", async () => {
    const d = await diagnoseShape(
      run(
        'git clone https://github.com/example/tool',
        "fatal: unable to access 'https://github.com/example/tool/': gnutls_handshake() failed: Error in the pull function.",
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  // Python http.client.IncompleteRead, as pip prints it after its download line.
  it("pip's download cut: IncompleteRead(N bytes read, M more expected) (85%)", async () => {
    const d = await diagnoseShape(
      run(
        'pip install torch',
        'Downloading https://files.pythonhosted.org/packages/torch-2.1.0-cp311-cp311-manylinux1_x86_64.whl (670.2 MB)',
        'pip._vendor.urllib3.exceptions.IncompleteRead: IncompleteRead(120331264 bytes read, 550421504 more expected)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  it("near miss: a program's own word IncompleteRead without http.client's byte counts is no download", async () => {
    const d = await diagnoseShape(
      run('python3 generate.py', 'ValueError: IncompleteRead in frame parser at offset 12'),
    );
    expect(d.top).toBe('build-failed');
  });

  it("near miss: the wrapper's distribution that is not there (FileNotFoundException) is the URL's, not a timeout", async () => {
    const d = await diagnoseShape(
      run(
        './gradlew build',
        'Downloading https://services.gradle.org/distributions/gradle-9.9-bin.zip',
        'Exception in thread "main" java.io.FileNotFoundException: https://services.gradle.org/distributions/gradle-9.9-bin.zip',
      ),
    );
    expect(d.top).toBe('build-failed');
  });
});
