// The example's real suite (examples/aianalysis/e2e/suite.mjs) through runTestSuite, against one
// local HTTP server that plays the three services under different path prefixes: the suite
// passes only if each TARMAC_SERVICE_<NAME> reaches the right service. No podman needed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../exec/run-command.js';
import type { TestSpec } from '../../config/types.js';
import { endpointEnv, runTestSuite } from './test-suite.js';

const suite = new URL('../../../examples/aianalysis/e2e/suite.mjs', import.meta.url).pathname;
const records = new Map<string, unknown>();
const served: string[] = [];
let server: Server;
let base = '';
const made: string[] = [];

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function investigation(alert: string) {
  return { alert, model: { digest: createHash('sha256').update('model').digest('hex'), work: 3 } };
}

/** The three services' behaviour as the suite checks it, keyed by the path prefix. */
async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const [, service = '', ...rest] = url.pathname.split('/');
  const path = `/${rest.join('/')}`;
  served.push(`${service} ${req.method} ${path}`);
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const id = url.searchParams.get('id') ?? '';
  if (path === '/health') return send(res, 200, 'ok\n');
  if (service === 'datastorage' && path === '/cgi-bin/records') {
    if (req.method === 'POST') {
      records.set(id, JSON.parse(Buffer.concat(chunks).toString('utf8')));
      return send(res, 201, { id, stored: true });
    }
    if (id === '') return send(res, 200, { records: [...records.keys()].map((k) => ({ id: k })) });
    return records.has(id)
      ? send(res, 200, { id, data: records.get(id) })
      : send(res, 404, { error: 'no such record' });
  }
  if (service === 'holmesgpt-api' && path === '/cgi-bin/investigate')
    return send(res, 200, investigation(url.searchParams.get('alert') ?? ''));
  if (service === 'aianalysis' && path === '/cgi-bin/analyze') {
    if (!records.has(id)) return send(res, 404, { upstream: 'datastorage' });
    return send(res, 200, { record: { id, data: records.get(id) }, investigation: investigation(id) });
  }
  send(res, 404, { error: `${service} has no ${path}` });
}

beforeAll(async () => {
  server = createServer((req, res) => void answer(req, res).catch((e: unknown) => send(res, 500, String(e))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs the example suite as tarmac.yaml configures it, in a temp dir, with `endpoints` as the services. */
async function runExample(endpoints: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'example-suite-'));
  made.push(cwd);
  // As examples/aianalysis/tarmac.yaml: `command: [node, e2e/suite.mjs]`, `junit: e2e-results.xml`.
  const test: TestSpec = {
    command: ['node', suite],
    env: { JUNIT_FILE: 'e2e-results.xml' },
    junit: join(cwd, 'e2e-results.xml'),
    timeoutMs: 60_000,
    cwd,
  };
  const lines: string[] = [];
  const outcome = await runTestSuite({
    test,
    runner: runCommand,
    env: { KUBECONFIG: join(cwd, 'kubeconfig'), ...endpointEnv(endpoints) },
    output: (l) => lines.push(l),
    configDir: cwd,
    stateDir: join(cwd, '.tarmac'),
  });
  return { outcome, lines, cwd };
}

describe('examples/aianalysis/e2e/suite.mjs through runTestSuite', () => {
  it('passes all 7 checks when every TARMAC_SERVICE_<NAME> points at its service', async () => {
    const { outcome, lines, cwd } = await runExample({
      datastorage: `${base}/datastorage`,
      'holmesgpt-api': `${base}/holmesgpt-api`,
      aianalysis: `${base}/aianalysis`,
    });
    expect(outcome.summary, lines.join('\n')).toBe('7 passed, 0 failed, 0 skipped');
    expect(outcome).toMatchObject({ exitCode: 0, passed: true });
    expect(outcome.report?.cases.map((c) => c.id)).toContain(
      'aianalysis.e2e.aianalysis combines a datastorage record with a holmesgpt-api investigation',
    );
    expect(lines).toContain(`7 passed, 0 failed; JUnit XML: ${join(cwd, 'e2e-results.xml')}`);
    // Each service was reached under its own prefix: HOLMESGPT_API (the dash) was wired too.
    expect(served).toEqual(
      expect.arrayContaining([
        'holmesgpt-api GET /cgi-bin/investigate',
        'aianalysis GET /cgi-bin/analyze',
        'datastorage POST /cgi-bin/records',
      ]),
    );
  });

  it('fails with the failing cases when services are swapped or missing', async () => {
    const { outcome } = await runExample({
      datastorage: `${base}/aianalysis`,
      'holmesgpt-api': `${base}/holmesgpt-api`,
    });
    expect(outcome).toMatchObject({ exitCode: 1, passed: false });
    const failed = outcome.report?.cases.filter((c) => c.status === 'failed').map((c) => c.name) ?? [];
    expect(failed).toContain('datastorage stores a record and returns it');
    expect(outcome.report?.cases.find((c) => c.name === 'aianalysis is healthy')?.message).toMatch(
      /^TARMAC_SERVICE_AIANALYSIS is not set/,
    );
    expect(outcome.report?.cases.find((c) => c.name === 'holmesgpt-api is healthy')?.status).toBe('passed');
  });
});
