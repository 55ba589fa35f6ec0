// The example's e2e suite (examples/aianalysis/e2e/suite.mjs) on its failure paths, against a
// local HTTP server that answers errors with markup in them: exit code, JUnit XML and escaping.
// (Its passing path runs against the real services in example-services.test.ts.)
import { execa } from 'execa';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDir } from './support/podman-env.js';
import { tempDirs } from '../src/files/temp-dir.test-kit.js';

const newSuiteDir = tempDirs('example-suite');

const suite = join(exampleDir, 'e2e', 'suite.mjs');
const NASTY = '<oops & "quoted" \'x\'>\u0001';
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(NASTY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

// Runs the suite in a fresh directory with the given service URLs (undefined = unset).
async function runSuite(endpoints: Record<string, string | undefined>) {
  const cwd = newSuiteDir();
  const r = await execa('node', [suite], {
    cwd,
    reject: false,
    all: true,
    env: { JUNIT_FILE: undefined, ...endpoints },
  });
  const file = join(cwd, 'e2e-results.xml');
  return { exitCode: r.exitCode, output: r.all, xml: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

describe('examples/aianalysis/e2e/suite.mjs', () => {
  it('exits 1 and records every failing check in ./e2e-results.xml when services answer 500', async () => {
    const { exitCode, output, xml } = await runSuite({
      TARMAC_SERVICE_DATASTORAGE: url,
      TARMAC_SERVICE_HOLMESGPT_API: url,
      TARMAC_SERVICE_AIANALYSIS: url,
    });
    expect(exitCode, output).toBe(1);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toMatch(/<testsuite name="aianalysis-e2e" tests="7" failures="7"/);
    expect(xml.match(/<failure /g)).toHaveLength(7);
    expect(output).toMatch(/0 passed, 7 failed/);
  });

  it('escapes markup from answers in the JUnit XML and drops characters XML cannot hold', async () => {
    const { xml } = await runSuite({
      TARMAC_SERVICE_DATASTORAGE: url,
      TARMAC_SERVICE_HOLMESGPT_API: url,
      TARMAC_SERVICE_AIANALYSIS: url,
    });
    expect(xml).toContain('&lt;oops &amp; &quot;quoted&quot; &apos;x&apos;&gt;');
    expect(xml).not.toContain('<oops');
    expect(xml).not.toContain('\u0001');
  });

  it('names the variable to set when an endpoint is missing, and still checks the others', async () => {
    const { exitCode, xml } = await runSuite({
      TARMAC_SERVICE_DATASTORAGE: url,
      TARMAC_SERVICE_HOLMESGPT_API: url,
      TARMAC_SERVICE_AIANALYSIS: undefined,
    });
    expect(exitCode).toBe(1);
    expect(xml).toMatch(/name="aianalysis is healthy"[^>]*>\s*<failure message="TARMAC_SERVICE_AIANALYSIS is not set/);
    expect(xml).toMatch(
      /name="datastorage is healthy"[^>]*>\s*<failure message="GET http:\/\/127\.0\.0\.1:\d+\/health: expected HTTP 200, got 500/,
    );
  });
});
