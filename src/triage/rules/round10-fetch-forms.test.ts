// Issue 14, tenth round: the download tools' documented words for a build's failed fetch that triage did not read
// (Gradle's and .NET's status forms, Node's reset, Ruby's net/http), and a proxy the tool named in place of the
// server (Ruby's connect, GNU wget's request heading). No dev case shows these: each test quotes the emitter's message
// and names its source, with a near miss that must not be claimed confidently.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (output: string) => ({ phase: 'build' as const, exitCode: 1, output });

describe("a server's error status to a build's fetch, in Gradle's and .NET's words", () => {
  // gradle/gradle subprojects/resources-http/.../HttpErrorStatusCodeException.java: "Could not %s '%s'. Received
  // status code %s from server: %s" (any status but 2xx, 3xx and 404).
  it("Gradle: a 502 from a repository through TLS, on the line after Gradle's 'Could not get resource'", async () => {
    const d = await diagnoseShape(
      build(
        [
          "   > Could not get resource 'https://maven.aliyun.com/repository/public/androidx/annotation/annotation-experimental/1.1.0/annotation-experimental-1.1.0.pom'.",
          '      > Received status code 502 from server: Bad Gateway',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx, net_http_message_not_success_statuscode:
  // "Response status code does not indicate success: {0} ({1})."; NuGet's NU1301 relays it.
  it('.NET / NuGet: a 503 from the feed', async () => {
    const d = await diagnoseShape(
      build(
        [
          'error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.',
          '  Response status code does not indicate success: 503 (Service Unavailable).',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  it('near miss: the same 502 over plain http (a proxy of this network may have answered it)', async () => {
    const d = await diagnoseShape(
      build(
        "> Could not HEAD 'http://maven.getsimpl.com/com/simpl/android/data/0.0.1/data-0.0.1.aar'. Received status code 502 from server: Bad Gateway",
      ),
    );
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: Gradle's 407 is the proxy's, not the repository's", async () => {
    const d = await diagnoseShape(
      build(
        "> Could not GET 'https://repo.maven.apache.org/maven2/org/x/y/1.0/y-1.0.pom'. Received status code 407 from server: Proxy Authentication Required",
      ),
    );
    expect(d.top).toBe('proxy');
  });
});

describe("a server's error status in the language package managers' words (go, npm, yarn)", () => {
  // golang/go src/cmd/go/internal/web/api.go, HTTPError.Error: `reading %s: %v` with the response's status.
  it('go: a 502 from the module proxy through TLS', async () => {
    const d = await diagnoseShape(
      build(
        'go: github.com/x/y@v1.0.0: reading https://proxy.golang.org/github.com/x/y/@v/v1.0.0.mod: 502 Bad Gateway',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // npm/npm-registry-fetch lib/errors.js, HttpErrorGeneral: `${status} ${statusText} - ${METHOD} ${uri}`.
  it('npm: a 503 from the registry through TLS', async () => {
    const d = await diagnoseShape(
      build('npm ERR! code E503\nnpm ERR! 503 Service Unavailable - GET https://registry.npmjs.org/express'),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // yarn v1's request failure, as Expo's EAS build error matchers quote it (@expo/build-tools, the handler
  // YARN_REGISTRY_5XX_RESPONSE): `An unexpected error occurred: "https://registry.yarnpkg.com/...tgz: Request failed
  // \"503 Service Unavailable\"".`
  it('yarn: a 503 from the registry through TLS', async () => {
    const d = await diagnoseShape(
      build(
        'error An unexpected error occurred: "https://registry.yarnpkg.com/request/-/request-2.88.2.tgz: Request failed \\"503 Service Unavailable\\"".',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("near miss: npm's 404 for a package (a misspelt name, or one that is gone): below half", async () => {
    const d = await diagnoseShape(
      build('npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/expresss - Not found'),
    );
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: the go command's 410 for a module version the proxy does not have: below half", async () => {
    const d = await diagnoseShape(
      build('go: github.com/x/y@v9.9.9: reading https://proxy.golang.org/github.com/x/y/@v/v9.9.9.mod: 410 Gone'),
    );
    expect(d.confidence).toBeLessThan(0.5);
  });
});

describe("Node's and Ruby's words for a fetch no server answered", () => {
  // nodejs/node lib/_http_client.js: a socket closed before the response is `socket hang up` (code ECONNRESET).
  it('npm: request to https://registry.npmjs.org/... failed, reason: socket hang up: a download, connect-only (48%)', async () => {
    const d = await diagnoseShape(
      build('npm ERR! network request to https://registry.npmjs.org/express failed, reason: socket hang up'),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // ruby/ruby lib/net/http.rb connect: `Failed to open TCP connection to H:P (#{e.message})`; Net::OpenTimeout's
  // message is Timeout's `execution expired`. bundler relays it as `Could not fetch specs from ...`.
  it('bundler: Net::OpenTimeout to rubygems.org: a download, connect-only (48%)', async () => {
    const d = await diagnoseShape(
      build(
        'Could not fetch specs from https://rubygems.org/ due to underlying error <Net::OpenTimeout: Failed to open TCP connection to rubygems.org:443 (execution expired)>',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a RUN step's own program whose local call hung up names no fetch", async () => {
    const d = await diagnoseShape(
      build('> node scripts/smoke.js\nError: socket hang up\n    at connResetException (node:internal/errors:720:14)'),
    );
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: Ruby's Timeout in a spec is no network timeout", async () => {
    const d = await diagnoseShape(build('Timeout::Error: execution expired\n  /app/spec/smoke_spec.rb:12'));
    expect(d.of('build-dependency-download')).toBe(0);
  });
});

describe('a proxy the tool named in place of the server', () => {
  // ruby/ruby lib/net/http.rb: with a proxy set, conn_addr/conn_port are the proxy's, so the connect error names it.
  it("Ruby's net/http: Failed to open TCP connection to the proxy's host and port", async () => {
    const d = await diagnoseShape(
      build(
        'Could not fetch specs from https://rubygems.org/ due to underlying error <Errno::ECONNREFUSED: Failed to open TCP connection to proxy.corp.example:8080 (Connection refused - connect(2) for "proxy.corp.example" port 8080)>',
      ),
    );
    expect(d.top).toBe('proxy');
  });

  // GNU wget src/retr.c / src/http.c: `--DATE--  URL`, then `Resolving H (H)... IP`, then `Connecting to H (H)|IP|:P...`.
  it("GNU wget: the request's heading names the URL, its Connecting line the proxy", async () => {
    const d = await diagnoseShape(
      build(
        [
          '--2024-05-01 10:00:00--  https://example.com/archive.tar.gz',
          'Resolving proxy.corp.example (proxy.corp.example)... 10.1.2.3',
          'Connecting to proxy.corp.example (proxy.corp.example)|10.1.2.3|:8080... failed: Connection refused.',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('proxy');
  });

  it("near miss: wget's connection to the URL's own host failed: a download, no proxy", async () => {
    const d = await diagnoseShape(
      build(
        [
          '--2024-05-01 10:00:00--  https://example.com/archive.tar.gz',
          'Resolving example.com (example.com)... 93.184.216.34',
          'Connecting to example.com (example.com)|93.184.216.34|:443... failed: Connection timed out.',
        ].join('\n'),
      ),
    );
    expect(d.of('proxy')).toBeLessThan(0.3);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("GNU wget: a retry's heading (`(try: 2)` before the URL) names the URL too", async () => {
    const d = await diagnoseShape(
      build(
        [
          '--2024-05-01 10:00:05--  (try: 2)  https://example.com/archive.tar.gz',
          'Connecting to proxy.corp.example (proxy.corp.example)|10.1.2.3|:3128... failed: Connection timed out.',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('proxy');
  });

  it("near miss: Ruby's connect to a host of another domain on the URL's own port (a mirror or CDN): no proxy", async () => {
    const d = await diagnoseShape(
      build(
        'Could not fetch specs from https://gems.example.com/ due to underlying error <Errno::ECONNREFUSED: Failed to open TCP connection to gems-cdn.example.net:443 (Connection refused - connect(2) for "gems-cdn.example.net" port 443)>',
      ),
    );
    expect(d.of('proxy')).toBeLessThan(0.3);
  });

  it("near miss: Ruby's connect to the URL's own host refused: no proxy", async () => {
    const d = await diagnoseShape(
      build(
        'Could not fetch specs from https://rubygems.org/ due to underlying error <Errno::ECONNREFUSED: Failed to open TCP connection to rubygems.org:443 (Connection refused - connect(2) for "rubygems.org" port 443)>',
      ),
    );
    expect(d.of('proxy')).toBeLessThan(0.3);
  });
});
