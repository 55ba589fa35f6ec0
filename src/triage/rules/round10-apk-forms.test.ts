// Issue 14, tenth round: apk's own words for a fetch that failed on the network (apk-tools src/print.c,
// apk_error_str: EAGAIN `temporary error (try again later)`, ECONNREFUSED `could not connect to server (check
// repositories file)`, ENETUNREACH `network error (check Internet connection and firewall)`, apk 3's APKE_DNS `DNS error
// (try again later)`). Without its index apk then reports the package as missing: the fetch decides, not the package.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (...lines: string[]) => ({ phase: 'build' as const, exitCode: 1, output: lines.join('\n') });
const INDEX = 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz';

describe("apk's network errors", () => {
  it('temporary error (try again later), then (no such package): a failed download, not a package the release lacks', async () => {
    const d = await diagnoseShape(
      build(
        INDEX,
        'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.21/main: temporary error (try again later)',
        'ERROR: unable to select packages:',
        '  ca-certificates (no such package):',
        '    required by: world[ca-certificates]',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.summary).not.toMatch(/release/);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('could not connect to server (check repositories file): a failed download, connect-only', async () => {
    const d = await diagnoseShape(
      build(
        'fetch http://dl-cdn.alpinelinux.org/alpine/v3.12/main/x86_64/APKINDEX.tar.gz',
        'ERROR: http://dl-cdn.alpinelinux.org/alpine/v3.12/main: could not connect to server (check repositories file)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('network error (check Internet connection and firewall) is ENETUNREACH: no route out, proxy below half', async () => {
    const d = await diagnoseShape(
      build(
        INDEX,
        'ERROR: https://dl-cdn.alpinelinux.org/alpine/v3.21/main: network error (check Internet connection and firewall)',
      ),
    );
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("apk 3's DNS error (try again later) names a name that did not resolve", async () => {
    const d = await diagnoseShape(
      build(INDEX, 'ERROR: https://dl-cdn.alpinelinux.org/alpine/v3.21/main: DNS error (try again later)'),
    );
    expect(d.top).toBe('dns-resolution');
    expect(d.summary).toMatch(/dl-cdn\.alpinelinux\.org/);
  });

  it('near miss: (no such package) after an index that was fetched: the package answer, below half', async () => {
    const d = await diagnoseShape(
      build(
        INDEX,
        'ERROR: unable to select packages:',
        '  pyhton3 (no such package):',
        '    required by: world[pyhton3]',
      ),
    );
    expect(d.summary).toMatch(/release/);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a program's own 'temporary error' without apk's words is no network error", async () => {
    const d = await diagnoseShape(build('sync-assets: temporary error, giving up after 3 attempts'));
    expect(d.of('build-dependency-download')).toBe(0);
  });
});
