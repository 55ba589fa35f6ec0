// Probe actions against real local servers: Kubernetes' success rule and its failure messages.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { freePort } from '../local-ports.js';
import { podmanCli } from './podman-cli.js';
import { httpProbe, runProbe, tcpProbe } from './probe-actions.js';

let address = '';
const server: Server = createHttpServer((req, res) => {
  const status = req.url === '/ok' ? 200 : req.url === '/moved' ? 302 : 404;
  res.writeHead(status, status === 302 ? { location: '/ok' } : {}).end();
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  address = `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('httpProbe', () => {
  it('succeeds on 2xx and 3xx, fails on 404 with the kubelet message, and on refused connections', async () => {
    expect(await httpProbe('HTTP', address, '/ok', 2000)).toEqual({ ready: true });
    expect(await httpProbe('HTTP', address, '/moved', 2000)).toEqual({ ready: true });
    expect(await httpProbe('HTTP', address, '/ready', 2000)).toEqual({
      ready: false,
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
    });
    const closed = `127.0.0.1:${await freePort()}`;
    const refused = await httpProbe('HTTP', closed, '/ok', 2000);
    expect(refused.ready).toBe(false);
    expect(refused.message).toMatch(new RegExp(`^Readiness probe failed: Get "http://${closed}/ok": .*ECONNREFUSED`));
  });
});

describe('tcpProbe', () => {
  it('succeeds when a connection opens, fails when refused', async () => {
    const tcp = createTcpServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
    const a = tcp.address();
    expect(await tcpProbe(`127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, 2000)).toEqual({ ready: true });
    await new Promise((r) => tcp.close(r));
    expect((await tcpProbe(`127.0.0.1:${await freePort()}`, 2000)).message).toMatch(
      /^Readiness probe failed: dial tcp 127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
  });
});

describe('runProbe', () => {
  it('runs exec probes with podman exec in the container and reports the exit code and output', async () => {
    const runner = fakeRunner((call) => (call.args.includes('ok') ? {} : { exitCode: 1, stdout: 'not yet' }));
    const cli = podmanCli(createPodmanEngine(runner));
    const target = { containerId: 'c1', hostPorts: {}, timeoutMs: 2000 };
    expect(await runProbe({ type: 'exec', command: ['/bin/check', 'ok'] }, target, cli)).toEqual({ ready: true });
    expect(runner.calls[0]?.args).toEqual(['exec', 'c1', '/bin/check', 'ok']);
    expect(await runProbe({ type: 'exec', command: ['/bin/check'] }, target, cli)).toEqual({
      ready: false,
      message: 'Readiness probe failed: exit code 1: not yet',
    });
  });

  it('says so when the probed port is not published', async () => {
    const runner = fakeRunner(() => ({}));
    const outcome = await runProbe(
      { type: 'httpGet', port: 8080, path: '/', scheme: 'HTTP' },
      { containerId: 'c', hostPorts: {}, timeoutMs: 100 },
      podmanCli(createPodmanEngine(runner)),
    );
    expect(outcome.message).toBe(
      'Readiness probe failed: container port 8080 is not published to the host, so tarmac cannot probe it',
    );
  });
});
