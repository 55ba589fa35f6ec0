// Issue 14, eighth round: a distribution's package manager answering that a package is not in the repositories of the
// base image's release. Two readings print it (the release dropped the package, e.g. an unpinned FROM that moved on;
// or a misspelt name), so the dependency verdict stays at 45%, ranked before build-failed's 45% by causal order.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (...lines: string[]) => ({ phase: 'build' as const, output: lines.join('\n') });

describe('the repositories of the release do not have the package', () => {
  // The dev case juliogomez-devops-4 (juliogomez/devops#4): alpine moved to 3.16, which has no python (2) package.
  it("apk's unable to select packages / no such package", async () => {
    const d = await diagnoseShape(
      build(
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.16/main/aarch64/APKINDEX.tar.gz',
        'ERROR: unable to select packages:',
        '  python (no such package):',
        '    required by: world[python]',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.45);
  });

  // apt's own messages (apt-pkg/cachefilter, apt-private/private-install.cc).
  it("apt's Unable to locate package and no installation candidate", async () => {
    for (const line of ['E: Unable to locate package python', "E: Package 'python' has no installation candidate"]) {
      const d = await diagnoseShape(build('Reading package lists...', line));
      expect(d.top).toBe('build-dependency-download');
      expect(d.confidence).toBeLessThan(0.5);
    }
  });

  // dnf's `No match for argument` and `Error: Unable to find a match`.
  it("dnf's No match for argument", async () => {
    const d = await diagnoseShape(build('No match for argument: python2', 'Error: Unable to find a match: python2'));
    expect(d.top).toBe('build-dependency-download');
  });

  it("near miss: the builder's own words for the failed instruction keep build-failed on top (90%)", async () => {
    const d = await diagnoseShape(
      build(
        'E: Unable to locate package pyhton3',
        "The command '/bin/sh -c apt-get install -y pyhton3' returned a non-zero code: 100",
      ),
    );
    expect(d.top).toBe('build-failed');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  it("near miss: an application's own 'Unable to find a match' (no package manager's prefix) is no package answer", async () => {
    const d = await diagnoseShape(build('Error: Unable to find a match for route /api in config.json'));
    expect(d.of('build-dependency-download')).toBe(0);
  });

  it("near miss: pip's No matching distribution (a name or version that never existed) stays the instruction's", async () => {
    const d = await diagnoseShape(
      build(
        'ERROR: Could not find a version that satisfies the requirement install (from versions: none)',
        'ERROR: No matching distribution found for install',
      ),
    );
    expect(d.top).toBe('build-failed');
    expect(d.of('build-dependency-download')).toBe(0);
  });
});
