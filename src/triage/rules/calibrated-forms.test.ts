// The mechanisms the third round of corpus cases (issue 14: dev half of the 50 cases added with `--add`) showed,
// each with a near miss: a failed download defers to the name resolution or the proxy that explains it and claims
// less than an even chance when no server answered; a proxy named by the tool in place of the server; a Go crash
// on any line of the engine probe; ENOSPC beside the inotify watch limit.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { engineOk, inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import type { EngineFacts } from '../types.js';
import { buildDependencyDownload } from './build-dependency-download.js';
import { diskFull } from './disk-full.js';
import { dnsResolution } from './dns-resolution.js';
import { engineCrash } from './engine-crash.js';
import { fileLimits } from './file-limits.js';
import { proxy } from './proxy.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}
const build = (tail: string[]) => inputOf(runWith('build:api', 'BUILD_FAILED', tail));

describe('a failed download defers to what explains it (corpus dev: smartshark-3, bluebrain-search-549)', () => {
  it("curl's unresolved name inside dnf: dns-resolution first, the download below it", () => {
    const input = build([
      "Error: Failed to download metadata for repo 'fedora': Cannot prepare internal mirrorlist: Curl error (6): Couldn't resolve host name for https://mirrors.fedoraproject.org/metalink?repo=fedora-35&arch=x86_64 [Could not resolve host: mirrors.fedoraproject.org]",
    ]);
    expect(dnsResolution.match(input)?.confidence).toBe(0.45);
    expect(buildDependencyDownload.match(input)?.confidence).toBe(0.42);
  });

  it('apt naming another host than the one it fetches: that host is a proxy, and the download defers', () => {
    const input = build([
      'W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/bionic/InRelease  Could not connect to gw.corp.test:3128 (10.0.0.8), connection timed out',
    ]);
    const m = proxy.match(input)!;
    expect(m.confidence).toBe(0.75);
    expect(m.summary).toMatch(/went to another host, an HTTP\(S\) proxy/);
    expect(buildDependencyDownload.match(input)?.confidence).toBe(0.42);
  });

  it("apt's older two-line form: the proxy it could not resolve", () => {
    const input = build(['Err http://archive.ubuntu.com trusty Release.gpg', "  Could not resolve 'gw.corp.test'"]);
    expect(proxy.match(input)?.confidence).toBe(0.75);
  });

  it('near miss: apt failing on the host it fetches (or a mirror of the same site) names no proxy', () => {
    for (const line of [
      'W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/bionic/InRelease  Could not connect to archive.ubuntu.com:80 (91.189.91.38), connection timed out',
      'W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not connect to cdn-fastly.deb.debian.org:80 (151.101.2.132), connection timed out',
    ])
      expect(proxy.match(build([line]))).toBeUndefined();
  });
});

describe('a download that no server answered is below an even chance (corpus dev: angular4-docker-example-7)', () => {
  it('a bare connect timeout: a transient outage, a firewall and a missing proxy look alike', () => {
    const m = buildDependencyDownload.match(
      build([
        'npm WARN network SKIPPING OPTIONAL DEPENDENCY: request to https://registry.npmjs.org/aproba/-/aproba-1.1.2.tgz failed, reason: connect ETIMEDOUT 151.101.112.162:443',
      ]),
    )!;
    expect(m.confidence).toBe(0.48);
    expect(m.summary).toMatch(/no server answered/);
  });

  it('near miss: a repository that answered (no mirror left, 404) keeps the download confident', () => {
    for (const line of [
      "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs in mirrorlist",
      'E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/c/curl/curl_7.58.0_amd64.deb  404  Not Found [IP: 91.189.91.38 80]',
    ])
      expect(buildDependencyDownload.match(build([line]))?.confidence).toBe(0.85);
  });
});

describe("the engine probe's own crash on any of its lines (corpus dev: podman-5746)", () => {
  const probe = (error: string) => ({
    engine: engineOk({ reachable: false, error } as Partial<EngineFacts>),
  });
  const failed = runWith('build:api', 'ENGINE_UNREACHABLE', ['podman version failed']);

  it('a panic after a warning, or relayed by a test runner, is the engine crashing', () => {
    for (const error of [
      'WARN[0000] Found incomplete layer "df31", deleting it\npanic: runtime error: invalid memory address or nil pointer dereference',
      '# $ podman info\n# panic: runtime error: invalid memory address or nil pointer dereference\n# [signal SIGSEGV: segmentation violation code=0x1 addr=0x100 pc=0x5583]',
    ])
      expect(engineCrash.match(inputOf(failed, probe(error)))?.confidence).toBe(0.7);
  });

  it('near miss: a probe that failed without a crash header is no crash', () => {
    const error = 'Error: could not get runtime: open /proc/1445/ns/user: no such file or directory';
    expect(engineCrash.match(inputOf(failed, probe(error)))).toBeUndefined();
  });
});

describe('ENOSPC beside the inotify watch limit is the limit, not a full disk (corpus dev: capi-tests-285)', () => {
  const tail = [
    'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"',
    'inotify watch limit reached',
    'No space left on device',
  ];
  const input = inputOf(runWith('cluster:kind', 'CLUSTER_CREATE_FAILED', tail));

  it('file-limits explains the no-space marker; disk-full stays below the floor of a verdict', () => {
    const m = fileLimits.match(input)!;
    expect(m.explains).toContain('no-space');
    expect(diskFull.match(input)?.confidence).toBe(0.35);
  });

  it('near miss: no space without the watch limit is a full disk', () => {
    const plain = inputOf(runWith('cluster:kind', 'CLUSTER_CREATE_FAILED', ['No space left on device']));
    expect(diskFull.match(plain)?.confidence).toBe(0.9);
  });
});

describe('a proxy hop needs the same fetch', () => {
  it('near miss: a refused local port with a docs link elsewhere in the output is no proxy', () => {
    const input = build([
      'curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Connection refused',
      'npm ERR! See https://docs.npmjs.com/cli/v10/using-npm/config for help',
    ]);
    expect(proxy.match(input)).toBeUndefined();
  });

  it("wget's failed connect to another host than its URL is a proxy; its successful progress line is not", () => {
    const failed = build([
      '--2024-05-01 10:00:00--  http://archive.ubuntu.com/x  Connecting to gw.corp.test (gw.corp.test)|10.0.0.8|:3128... failed: Connection refused.',
    ]);
    expect(proxy.match(failed)?.confidence).toBe(0.75);
    const ok = build([
      '--2024-05-01 10:00:00--  http://archive.ubuntu.com/x  Connecting to gw.corp.test (gw.corp.test)|10.0.0.8|:3128... connected.',
    ]);
    expect(proxy.match(ok)).toBeUndefined();
  });
});
