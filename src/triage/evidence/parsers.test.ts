import { describe, expect, it } from 'vitest';
import { recorded } from '../../../test/fixtures/engines/recorded.js';
import { recordedTriage } from '../../../test/fixtures/triage/recorded.js';
import { readPodFixture } from '../../../test/fixtures/kube/load.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeResult, fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { podViewFromKubePod } from '../../kube/pod-view.js';
import { parseConnections } from './connections.js';
import { engineFacts } from './engine.js';
import { listsCluster, parseExitCodes, serverOf } from '../../targets/kind/evidence/cluster-facts.js';
import { parseMachineList } from './machine.js';
import { parseMeminfo } from './memory.js';
import { isFailing, podFacts } from './pod-facts.js';
import { listeningInodes } from './port-owner.js';
import { portFacts, publishedPorts } from './ports.js';
import { kindConfigPorts } from '../../targets/kind/evidence/wanted-ports.js';

describe('engine facts (recorded podman 4.3.1)', () => {
  it('reads version, rootless, cgroup controllers, memory and storage roots from info', async () => {
    const runner = fakeRunner((call) =>
      call.args.includes('version') ? recorded('podman-4.3.1/version') : recorded('podman-4.3.1/info'),
    );
    const engine = createPodmanEngine(runner);
    const facts = engineFacts('podman', await engine.health(4000), await engine.info());
    expect(facts).toMatchObject({ name: 'podman', reachable: true, hung: false, version: '4.3.1', rootless: false });
    expect(facts.cgroupControllers).toContain('memory');
    expect(facts.graphRoot).toMatch(/containers\/storage$/);
    expect(facts.memTotalBytes).toBeGreaterThan(0);
  });

  it("keeps the engine's own error text when the socket is gone", async () => {
    const engine = createPodmanEngine(fakeRunner(() => recorded('podman-4.3.1/unreachable-version')));
    const facts = engineFacts('podman', await engine.health(4000), undefined);
    expect(facts).toMatchObject({ reachable: false, hung: false });
    expect(facts.error).toContain('dial unix /tmp/tarmac-no-such-dir/podman.sock: connect: no such file or directory');
  });

  it('says hung when the probe got no answer in time', async () => {
    const engine = createPodmanEngine(
      fakeRunner(() => ({ exitCode: undefined, timedOut: true, timeoutMs: 4000, durationMs: 4001 })),
    );
    const facts = engineFacts('podman', await engine.health(4000), undefined);
    expect(facts).toMatchObject({ reachable: false, hung: true, error: 'no answer within 4.0s' });
  });
});

describe('podman machine list', () => {
  it('as root on Linux: no machine, not an error', () => {
    expect(parseMachineList(fakeResult(recordedTriage('machine-list-root')))).toEqual({ exists: false, machines: [] });
  });
  it('a stopped machine with its resources', () => {
    expect(parseMachineList(fakeResult(recordedTriage('machine-list-stopped')))).toEqual({
      exists: true,
      machines: [{ name: 'podman-machine-default*', state: 'stopped', memoryMiB: 8192, diskGiB: 100, cpus: 4 }],
    });
  });
  it('any other failure is an error', () => {
    expect(() => parseMachineList(fakeResult({ exitCode: 125, stderr: 'Error: boom' }))).toThrow('Error: boom');
  });
});

describe('connections', () => {
  it('an empty list (native podman)', () => {
    expect(parseConnections(fakeResult(recordedTriage('connection-list-empty')))).toEqual([]);
  });
  it('a default connection', () => {
    const stdout = JSON.stringify([
      {
        Name: 'podman-machine-default',
        URI: 'ssh://core@127.0.0.1:52086/run/user/501/podman/podman.sock',
        Identity: '/x',
        Default: true,
      },
    ]);
    expect(parseConnections(fakeResult({ stdout }))).toEqual([
      {
        name: 'podman-machine-default',
        uri: 'ssh://core@127.0.0.1:52086/run/user/501/podman/podman.sock',
        isDefault: true,
      },
    ]);
  });
});

describe('kind cluster parsing', () => {
  it('matches cluster names as exact lines', () => {
    expect(listsCluster('kind2\naianalysis-e2e\n', 'aianalysis-e2e')).toBe(true);
    expect(listsCluster('kind2\n', 'kind')).toBe(false);
  });
  it('reads exit codes from container inspect', () => {
    const stdout = JSON.stringify([{ Id: 'abc', State: { Status: 'exited', ExitCode: 137 } }]);
    expect(parseExitCodes(fakeResult({ stdout })).get('abc')).toBe(137);
  });
  it('reads the API server URL from a kubeconfig', () => {
    expect(serverOf('clusters:\n- cluster:\n    server: https://127.0.0.1:52086\n  name: kind-x\n')).toBe(
      'https://127.0.0.1:52086',
    );
  });
});

describe('ports', () => {
  it('maps published host ports to their container (recorded podman ps)', () => {
    expect(publishedPorts(fakeResult(recordedTriage('ps-ports'))).get(18931)).toBe('triage-rec-ports');
  });
  it('reads kind extraPortMappings and a fixed API port', () => {
    const config = {
      kind: 'Cluster',
      nodes: [{ role: 'control-plane', extraPortMappings: [{ containerPort: 30080, hostPort: 8080 }] }],
      networking: { apiServerPort: 6443 },
    };
    expect(kindConfigPorts(config, 'c').map((p) => [p.port, p.address])).toEqual([
      [8080, '0.0.0.0'],
      [6443, '127.0.0.1'],
    ]);
  });
  it('tells a port held by the env from one held by something else', () => {
    const wanted = [
      { port: 8080, address: '0.0.0.0', wantedBy: 'kind', owner: 'c-' },
      { port: 8081, address: '0.0.0.0', wantedBy: 'kind', owner: 'c-' },
      { port: 8082, address: '0.0.0.0', wantedBy: 'kind', owner: 'c-' },
    ];
    const facts = portFacts(
      wanted,
      [false, false, true],
      new Map([
        [8080, 'c-control-plane'],
        [8081, 'python3 (pid 7)'],
      ]),
      true,
    );
    expect(facts.ports).toEqual([
      { port: 8080, inUse: true, wantedBy: 'kind', by: 'c-control-plane', ours: true },
      { port: 8081, inUse: true, wantedBy: 'kind', by: 'python3 (pid 7)', ours: false },
      { port: 8082, inUse: false, wantedBy: 'kind' },
    ]);
  });
  it('finds LISTEN socket inodes in /proc/net/tcp', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    expect(listeningInodes(text, 8080)).toEqual(['123456']);
    expect(listeningInodes(text, 8081)).toEqual([]);
  });
});

describe('memory', () => {
  it('reads MemTotal and MemAvailable', () => {
    expect(
      parseMeminfo('MemTotal:       24684092 kB\nMemFree:         1000 kB\nMemAvailable:   21690780 kB\n'),
    ).toEqual({ totalBytes: 24684092 * 1024, availableBytes: 21690780 * 1024 });
  });
  it('without MemTotal: undefined', () => {
    expect(parseMeminfo('nothing')).toBeUndefined();
  });
});

describe('pod facts (recorded pods)', () => {
  it('a crash loop gives its reason, exit code and restarts', () => {
    const f = readPodFixture('crashloop');
    const facts = podFacts(podViewFromKubePod(f.pod, { events: f.events ?? [] }));
    expect(isFailing(facts)).toBe(true);
    expect(facts.reasons).toContain('CrashLoopBackOff');
    expect(facts.reasons.some((r) => /^exit \d+$/.test(r))).toBe(true);
    expect(facts.restarts).toBeGreaterThan(0);
  });
  it('a ready pod is not failing', () => {
    const f = readPodFixture('running-ready');
    expect(isFailing(podFacts(podViewFromKubePod(f.pod)))).toBe(false);
  });
  it('an image pull failure names it', () => {
    const f = readPodFixture('err-image-pull');
    expect(podFacts(podViewFromKubePod(f.pod, { events: f.events ?? [] })).reasons).toContain('ErrImagePull');
  });
});
