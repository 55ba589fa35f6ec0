// Issue 14, twelfth round: a download whose bytes are not the recorded ones, in the package managers' own words
// (digest-mismatch.ts): the server's bytes or a stale recorded hash, both below 50%; with near misses.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines, '4/6');

/** Both readings below half, the download's first (causal order), the instruction's not at 90%. */
function bothReadings(d: Awaited<ReturnType<typeof diagnoseShape>>) {
  expect(d.top).toBe('build-dependency-download');
  expect(d.confidence).toBeCloseTo(0.45);
  expect(d.of('build-failed')).toBeLessThan(0.5);
}

describe("a download's checksum is not the recorded one", () => {
  // npm/ssri's integrity error, npm's EINTEGRITY code.
  it("npm's EINTEGRITY: Integrity checksum failed when using sha512", async () => {
    bothReadings(
      await diagnoseShape(
        run(
          'npm ci',
          'npm ERR! code EINTEGRITY',
          'npm ERR! sha512-Qx9g== integrity checksum failed when using sha512: wanted sha512-Qx9g== but got sha512-Zk3w==. (52341 bytes)',
        ),
      ),
    );
  });

  // golang/go cmd/go/internal/modfetch/fetch.go.
  it("the go command's verifying M@V: checksum mismatch ... SECURITY ERROR", async () => {
    bothReadings(
      await diagnoseShape(
        run(
          'go mod download',
          'verifying github.com/example/lib@v1.2.3: checksum mismatch',
          '\tdownloaded: h1:4Wj9yA=',
          '\tgo.sum:     h1:Yp3bXk=',
          'SECURITY ERROR',
        ),
      ),
    );
  });

  // pypa/pip src/pip/_internal/exceptions.py, HashErrors' heading.
  it("pip's THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE", async () => {
    bothReadings(
      await diagnoseShape(
        run(
          'pip install --require-hashes -r requirements.txt',
          'ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.',
        ),
      ),
    );
  });

  // apache/maven-resolver ChecksumFailureException; yarn 2+'s YN0018; dnf's and yum's package check.
  it.each([
    "[ERROR] Could not transfer artifact com.example:lib:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): Checksum validation failed, expected '9a1f' (REMOTE_EXTERNAL) but is actually '77c2'",
    "\u27a4 YN0018: \u2502 typescript@npm:5.0.4: The remote archive doesn't match the expected checksum",
    '[MIRROR] curl-7.76.1-26.el9.x86_64.rpm: Interrupted by header callback: Package does not match intended download.',
  ])('%s', async (line) => {
    bothReadings(await diagnoseShape(run('install-deps', line)));
  });

  it("near miss: a test's own word `checksum mismatch` without the go command's verifying is the instruction's", async () => {
    const d = await diagnoseShape(run('make test', 'FAIL: TestArchive: archive.go:88: checksum mismatch'));
    expect(d.top).toBe('build-failed');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  it("near miss: apt's Hash Sum mismatch stays the repository's (a mirror mid-sync), not two readings", async () => {
    const d = await diagnoseShape(
      run(
        'apt-get install -y curl',
        'E: Failed to fetch http://deb.debian.org/debian/pool/main/c/curl/curl_7.88.1-10_amd64.deb  Hash Sum mismatch',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.85);
  });
});
