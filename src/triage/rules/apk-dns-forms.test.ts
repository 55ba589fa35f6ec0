// apk's words for a name that did not resolve (`ERROR: URL: DNS lookup error`, issue 14): a DNS marker, so a build
// that printed it is first the lookup (below 50%: a proxy the build does not use prints it too), and generic rules
// leave it unexplained. Near miss: apk's IO ERROR names no lookup.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import { dnsResolution } from './dns-resolution.js';
import { markerRe } from './infra-markers.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

describe("apk's DNS lookup error", () => {
  it('is the lookup of the repository host, below 50% inside a RUN step', () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/main/x86_64/APKINDEX.tar.gz',
        'ERROR: http://dl-cdn.alpinelinux.org/alpine/v3.8/main: DNS lookup error',
      ]),
    );
    const m = dnsResolution.match(input)!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/dl-cdn\.alpinelinux\.org/);
    expect(markerRe('dns').test('ERROR: http://dl-cdn.alpinelinux.org/alpine/v3.8/main: DNS lookup error')).toBe(true);
  });

  it("near miss: apk's IO ERROR is no DNS marker", () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'WARNING: Ignoring http://dl-cdn.alpinelinux.org/alpine/v3.10/main/armhf/APKINDEX.tar.gz: IO ERROR',
      ]),
    );
    expect(dnsResolution.match(input)).toBeUndefined();
  });
});
