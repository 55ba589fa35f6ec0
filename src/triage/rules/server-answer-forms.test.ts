// Issue 14, ninth round: a server that answered a RUN step's fetch with an error status, in the download tools' own
// words (repository-answer.ts), with no network error beside it. A repository that changed under the build (its index
// gone, https only, a 5xx) is the download (85%) and build-failed defers; one file not at its URL reads two ways
// (removed, or a wrong URL in the Containerfile): 45% for both.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (...lines: string[]) => ({ phase: 'build' as const, output: lines.join('\n') });
const RETURNED = "The command '/bin/sh -c wget -q $URL' returned a non-zero code: 8";

describe('a server answered the build fetch with an error status', () => {
  // The dev case terracotta-docker-2 (Terracotta-OSS/docker#2): busybox wget against Maven Central over plain http.
  it("busybox wget's server returned error: 501 HTTPS Required", async () => {
    const d = await diagnoseShape(
      build(
        'Step 4/19 : RUN wget -q http://repo1.maven.org/maven2/org/ehcache/ehcache-clustered/3.8.0/ehcache-clustered-3.8.0-kit.tgz',
        ' ---> Running in 9dba37f832e1',
        'wget: server returned error: HTTP/1.1 501 HTTPS Required',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  // The dev case webdevops-dockerfile-310 (webdevops/Dockerfile#310): Ubuntu 17.10 moved to old-releases.
  it("apt's does not have a Release file", async () => {
    const d = await diagnoseShape(
      build(
        "E: The repository 'http://security.ubuntu.com/ubuntu artful-security Release' does not have a Release file.",
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  // Maven's wagon, as users quote it since Maven Central refused plain http (January 2020).
  it("the builder's step-failure words do not make it the instruction: Maven's Return code is: 501", async () => {
    const d = await diagnoseShape(
      build(
        '[ERROR] Failed to transfer file: http://repo.maven.apache.org/maven2/org/junit/junit-bom/5.7.1/junit-bom-5.7.1.pom. Return code is: 501 , ReasonPhrase:HTTPS Required.',
        "The command '/bin/sh -c mvn package' returned a non-zero code: 1",
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  // librepo's (dnf) words for a repository whose metadata is gone (repomd.xml 404).
  it("dnf's Status code: 404 for the repository's repomd.xml", async () => {
    const d = await diagnoseShape(
      build(
        ' - Status code: 404 for https://download.docker.com/linux/centos/9/x86_64/stable/repodata/repomd.xml (IP: 1.2.3.4)',
        RETURNED,
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });

  // GNU wget's own status line (src/http.c: `ERROR %d: %s.`), through TLS: the server's outage.
  it("GNU wget's ERROR 503 for an https URL is the repository's (85%); over plain http a proxy may have said it", async () => {
    const https = await diagnoseShape(
      build('--2024-01-01--  https://dl.example.org/tool.tgz', 'ERROR 503: Service Unavailable.', RETURNED),
    );
    expect(https.top).toBe('build-dependency-download');
    expect(https.confidence).toBeCloseTo(0.85);
    const http = await diagnoseShape(
      build('--2024-01-01--  http://dl.example.org/tool.tgz', 'ERROR 503: Service Unavailable.', RETURNED),
    );
    expect(http.top).toBe('build-dependency-download');
    expect(http.confidence).toBeLessThan(0.5);
  });

  it("near miss: curl's 404 for one file reads two ways (removed, or a wrong URL): both below 50%", async () => {
    const d = await diagnoseShape(
      build(
        'curl: (22) The requested URL returned error: 404',
        "The command '/bin/sh -c curl -fsSLO $URL' returned a non-zero code: 22",
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  it("near miss: a status number in a RUN step without a download tool's words stays the instruction", async () => {
    const d = await diagnoseShape(
      build(
        'test_api.py::test_missing expected 404, got 500',
        "The command '/bin/sh -c pytest' returned a non-zero code: 1",
      ),
    );
    expect(d.top).toBe('build-failed');
    expect(d.of('build-dependency-download')).toBe(0);
  });
});
