// hasTag against a tiny local HTTP server that answers like a registry would, one repository per behaviour.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../engines/engine.test-kit.js';
import { hasTag } from './client.js';

interface Seen {
  method: string;
  url: string;
  accept: string;
  authorization?: string;
}

const seen: Seen[] = [];
const held: ServerResponse[] = [];
let server: Server;
let host = '';

// Each repository name selects how the fake registry answers.
function answer(req: IncomingMessage, res: ServerResponse): void {
  seen.push({
    method: req.method ?? '',
    url: req.url ?? '',
    accept: req.headers.accept ?? '',
    ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
  });
  const repo = /^\/v2\/team\/([^/]+)\/manifests\//.exec(req.url ?? '')?.[1];
  const send = (status: number, headers: Record<string, string> = {}): void =>
    void res.writeHead(status, headers).end();
  if (repo === 'present') return send(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' });
  const good = `Basic ${Buffer.from('ci:s3cret-pass').toString('base64')}`;
  if ((req.url ?? '').startsWith('/token')) {
    if (req.headers.authorization !== good) return send(401);
    return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
  }
  if (repo === 'private') {
    if (req.headers.authorization === 'Bearer tok-123') return send(200);
    return send(401, {
      'WWW-Authenticate': `Bearer realm="http://${host}/token",service="registry",scope="repository:team/private:pull"`,
    });
  }
  if (repo === 'basic')
    return send(
      req.headers.authorization === good ? 200 : 401,
      req.headers.authorization === good ? {} : { 'WWW-Authenticate': 'Basic realm="Registry Realm"' },
    );
  if (repo === 'denied') return send(403);
  if (repo === 'nohead') return send(req.method === 'HEAD' ? 405 : 200);
  if (repo === 'broken') return send(503);
  if (repo === 'tls-only') return send(400);
  if (repo === 'slow') return void held.push(res);
  send(404);
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const lastSeen = (): Seen => seen[seen.length - 1]!;

describe('hasTag against a local HTTP registry', () => {
  it('is true on 200, asking HEAD /v2/<repo>/manifests/<tag> with the OCI and docker manifest types', async () => {
    expect(await hasTag(`${host}/team/present:tm-0123456789ab`, { insecure: true })).toBe(true);
    expect(lastSeen()).toMatchObject({ method: 'HEAD', url: '/v2/team/present/manifests/tm-0123456789ab' });
    expect(lastSeen().accept).toContain('application/vnd.oci.image.manifest.v1+json');
    expect(lastSeen().accept).toContain('application/vnd.docker.distribution.manifest.v2+json');
    expect(lastSeen().accept).toContain('application/vnd.oci.image.index.v1+json');
  });

  it('is false on 404', async () => {
    expect(await hasTag(`${host}/team/absent:tm-1`, { insecure: true })).toBe(false);
  });

  it('falls back to GET when the registry does not implement HEAD', async () => {
    expect(await hasTag(`${host}/team/nohead:tm-1`, { insecure: true })).toBe(true);
    expect(seen.slice(-2).map((s) => s.method)).toEqual(['HEAD', 'GET']);
  });

  it('explains a 401 without credentials: how to give them, the challenge shown; no credentials sent', async () => {
    const error = await rejection(hasTag(`${host}/team/private:tm-1`, { insecure: true }));
    expect(error.code).toBe('REGISTRY_AUTH');
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain(`The registry at ${host} requires authentication (HTTP 401)`);
    expect(error.hint).toContain('TARMAC_REGISTRY_PASSWORD');
    expect(error.hint).toContain(`podman login ${host}`);
    expect(error.details.join('\n')).toContain('WWW-Authenticate: Bearer realm=');
    expect(lastSeen().authorization).toBeUndefined();
  });

  it('answers a Bearer challenge: fetches a token from the realm with Basic credentials, then asks again with it', async () => {
    const before = seen.length;
    expect(
      await hasTag(`${host}/team/private:tm-1`, {
        insecure: true,
        credentials: { username: 'ci', password: 's3cret-pass' },
      }),
    ).toBe(true);
    const calls = seen.slice(before);
    expect(calls.map((c) => c.url.split('?')[0])).toEqual([
      '/v2/team/private/manifests/tm-1',
      '/token',
      '/v2/team/private/manifests/tm-1',
    ]);
    expect(calls[1]?.url).toContain('scope=repository%3Ateam%2Fprivate%3Apull');
    expect(calls[2]?.authorization).toBe('Bearer tok-123');
  });

  it('answers a Basic challenge with the credentials', async () => {
    expect(
      await hasTag(`${host}/team/basic:tm-1`, {
        insecure: true,
        credentials: { username: 'ci', password: 's3cret-pass' },
      }),
    ).toBe(true);
    expect(lastSeen().authorization).toBe(`Basic ${Buffer.from('ci:s3cret-pass').toString('base64')}`);
  });

  it('names the user whose credentials a registry refuses, never the password', async () => {
    const error = await rejection(
      hasTag(`${host}/team/basic:tm-1`, { insecure: true, credentials: { username: 'ci', password: 'wrong-pass' } }),
    );
    expect(error.code).toBe('REGISTRY_AUTH');
    expect(error.message).toContain('refused the credentials of ci (HTTP 401)');
    expect(JSON.stringify(error.toJSON())).not.toContain('wrong-pass');
  });

  it('reports a token service that refuses the credentials as REGISTRY_AUTH', async () => {
    const error = await rejection(
      hasTag(`${host}/team/private:tm-1`, { insecure: true, credentials: { username: 'ci', password: 'wrong-pass' } }),
    );
    expect(error.code).toBe('REGISTRY_AUTH');
    expect(error.message).toContain('token service');
    expect(error.message).toContain('HTTP 401');
  });

  it('explains a 403 as denied access', async () => {
    const error = await rejection(hasTag(`${host}/team/denied:tm-1`, { insecure: true }));
    expect(error.code).toBe('REGISTRY_AUTH');
    expect(error.message).toContain('denied access (HTTP 403)');
  });

  it('reports a failing registry as a transient infrastructure failure', async () => {
    const error = await rejection(hasTag(`${host}/team/broken:tm-1`, { insecure: true }));
    expect(error.code).toBe('REGISTRY_FAILED');
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('HTTP 503');
  });

  it('retries over HTTPS when an insecure registry answers plain HTTP with 400, and names the TLS failure', async () => {
    const error = await rejection(hasTag(`${host}/team/tls-only:tm-1`, { insecure: true }));
    // Our test server speaks no TLS, so the HTTPS retry fails at the handshake.
    expect(error.code).toBe('REGISTRY_TLS');
    expect(error.hint).toContain('registry.insecure: true');
  });

  it('uses HTTPS unless insecure, and says what to do when the registry speaks plain HTTP', async () => {
    const before = seen.length;
    const error = await rejection(hasTag(`${host}/team/present:tm-1`, { insecure: false }));
    expect(error.code).toBe('REGISTRY_TLS');
    expect(error.message).toContain(`https://${host}`);
    expect(seen.length).toBe(before);
  });

  it('gives up on a registry that does not answer within timeoutMs, naming it', async () => {
    const error = await rejection(hasTag(`${host}/team/slow:tm-1`, { insecure: true, timeoutMs: 300 }));
    expect(error.code).toBe('REGISTRY_UNREACHABLE');
    expect(error.message).toBe(`The registry at http://${host} did not answer within 300 ms`);
  });

  it('turns the caller aborting into a cancellation, not a registry error', async () => {
    const controller = new AbortController();
    const pending = hasTag(`${host}/team/slow:tm-2`, { insecure: true, signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).toBe('CANCELLED');
  });

  it('rejects a malformed reference before any request', async () => {
    const before = seen.length;
    expect((await rejection(hasTag(`${host}/Team/x:tm-1`, { insecure: true }))).code).toBe('IMAGE_REF_INVALID');
    expect(seen.length).toBe(before);
  });
});

describe('hasTag without a registry', () => {
  it('reports connection refused as REGISTRY_UNREACHABLE naming the URL (exit 3)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(hasTag(`127.0.0.1:${port}/team/base:tm-1`, { insecure: true }));
    expect(error.code).toBe('REGISTRY_UNREACHABLE');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(`Cannot reach the registry at http://127.0.0.1:${port} (connection refused)`);
    expect(error.details).toEqual([`request: http://127.0.0.1:${port}/v2/team/base/manifests/tm-1`]);
    expect(error.hint).toContain('registry.insecure');
  });
});
