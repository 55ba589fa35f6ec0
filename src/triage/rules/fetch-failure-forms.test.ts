// Issue 14, eleventh round: a RUN step's download that failed on the network, read by the download tools' own
// families (fetch-failure-forms.ts), each with a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines);

describe("a RUN step's fetch failed on the network, in its tool's words", () => {
  // rust-lang/cargo relays curl's text for CURLE_COULDNT_CONNECT (curl lib/strerror.c).
  it("cargo relaying curl's [7] Couldn't connect to server", async () => {
    const d = await diagnoseShape(
      run(
        'cargo fetch',
        "warning: spurious network error (2 tries remaining): [7] Couldn't connect to server (Failed to connect to index.crates.io port 443 after 3 ms: Couldn't connect to server)",
        'error: failed to get `serde` as a dependency of package `app v0.1.0 (/app)`',
        '  failed to download from `https://index.crates.io/config.json`',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // git's remote-curl.c and index-pack: the transfer ended under it (a server that answered, then broke off).
  it('git clone whose transfer broke: RPC failed; curl 56 ... fatal: early EOF', async () => {
    const d = await diagnoseShape(
      run(
        'git clone https://github.com/example/big.git',
        "Cloning into 'big'...",
        'error: RPC failed; curl 56 GnuTLS recv error (-9): Error decoding the received TLS packet.',
        'fatal: early EOF',
        'fatal: fetch-pack: invalid index-pack output',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  // The JDK's SocketTimeoutException as Maven relays it through Apache HttpClient.
  it("Maven's connect that timed out: Connect to repo.maven.apache.org:443 [...] failed: connect timed out", async () => {
    const d = await diagnoseShape(
      run(
        'mvn -B package',
        '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not transfer artifact org.slf4j:slf4j-api:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): Connect to repo.maven.apache.org:443 [repo.maven.apache.org/151.101.0.215] failed: connect timed out',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // urllib3's ConnectTimeoutError in pip's retry warning (urllib3 src/urllib3/exceptions.py).
  it("pip's retries after urllib3's ConnectTimeoutError, then no distribution found", async () => {
    const d = await diagnoseShape(
      run(
        'pip install flask',
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ConnectTimeoutError(<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2c>, 'Connection to pypi.org timed out. (connect timeout=15)')': /simple/flask/",
        'ERROR: Could not find a version that satisfies the requirement flask (from versions: none)',
        'ERROR: No matching distribution found for flask',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // yarnpkg/yarn src/reporters/lang/en.js offlineRetrying.
  it("yarn v1's retry notice: There appears to be trouble with your network connection", async () => {
    const d = await diagnoseShape(
      run(
        'yarn install --frozen-lockfile',
        'info There appears to be trouble with your network connection. Retrying...',
        'info There appears to be trouble with your network connection. Retrying...',
        'info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  // NuGet/NuGet.Client Strings.Http_Timeout.
  it("NuGet's request that timed out: The HTTP request to 'GET https://...' has timed out after 100000ms", async () => {
    const d = await diagnoseShape(
      run(
        'dotnet restore',
        '/src/app.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.',
        "  The HTTP request to 'GET https://api.nuget.org/v3/index.json' has timed out after 100000ms.",
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  it("near miss: curl's [6] Couldn't resolve host name is first the name's (dns-resolution)", async () => {
    const d = await diagnoseShape(
      run(
        'cargo fetch',
        '  failed to download from `https://index.crates.io/config.json`',
        "  [6] Couldn't resolve host name (Could not resolve host: index.crates.io)",
      ),
    );
    expect(d.top).toBe('dns-resolution');
    expect(d.of('build-dependency-download')).toBeLessThan(0.5);
  });

  it("near miss: an application's own log words (no JDK exception, no fetch) are no network failure", async () => {
    const d = await diagnoseShape(
      run(
        './gradlew test',
        'Connection reset counter: 0',
        'OrderTest > total FAILED',
        '    AssertionError at OrderTest.java:14',
      ),
    );
    expect(d.top).toBe('build-failed');
  });
});

describe("apk's index fetch that failed with an I/O error", () => {
  // alpinelinux/apk-tools apk_error_str (EIO), as in docker-alpine-207 (dev).
  it('WARNING: Ignoring .../APKINDEX.tar.gz: IO ERROR, then the packages are missing', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 6,
      output: [
        'Step 4/18 : RUN apk add --no-cache curl git',
        ' ---> Running in 97d093634b58',
        'fetch http://dl-cdn.alpinelinux.org/alpine/v3.10/main/x86_64/APKINDEX.tar.gz',
        'WARNING: Ignoring http://dl-cdn.alpinelinux.org/alpine/v3.10/main/x86_64/APKINDEX.tar.gz: IO ERROR',
        'ERROR: unsatisfiable constraints:',
        '  curl (missing):',
      ].join('\n'),
    });
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: apk's index that is not there (No such file or directory) is no network failure", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 1,
      output: [
        'WARNING: Ignoring http://dl-cdn.alpinelinux.org/alpine/v3.99/main: No such file or directory',
        'ERROR: unsatisfiable constraints:',
        '  curl (missing):',
      ].join('\n'),
    });
    expect(d.of('build-dependency-download')).toBeLessThan(0.5);
  });
});

describe("cargo's wrapper of a libgit2 network error (src/cargo/sources/git/utils.rs)", () => {
  it('network failure seems to have happened, its Caused by cut from the report', async () => {
    const d = await diagnoseShape(
      run(
        'cargo build --release',
        '    Updating git repository `https://github.com/example/dep.git`',
        'error: failed to fetch into: /usr/local/cargo/git/db/dep-6ac459c53b1b685a',
        'Caused by:',
        '  network failure seems to have happened',
        '  if a proxy or similar is necessary `net.git-fetch-with-cli` may help here',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  it('near miss: the wrapper over an untrusted certificate defers to the certificate', async () => {
    const d = await diagnoseShape(
      run(
        'cargo build --release',
        'error: failed to fetch into: /usr/local/cargo/git/db/dep-6ac459c53b1b685a',
        '  network failure seems to have happened',
        '  the SSL certificate is invalid; class=Ssl (16); code=Certificate (-17): SSL certificate problem: unable to get local issuer certificate',
      ),
    );
    expect(d.top).toBe('tls-untrusted');
  });
});
