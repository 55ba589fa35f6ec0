#!/usr/bin/env node
// The example's end-to-end suite: plain node, no dependencies. Endpoints come from
// TARMAC_SERVICE_<NAME> (e.g. TARMAC_SERVICE_AIANALYSIS=http://127.0.0.1:18080); results go to
// the JUnit XML file named by JUNIT_FILE (default ./e2e-results.xml). Exits 1 if any check fails.
// Sharding: `--list` prints every test id (one per line) and exits; when TARMAC_SHARD_TESTS names a
// file (one id per line, written by `tarmac up/test --shard I/N`), only those tests run.
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const REQUEST_TIMEOUT_MS = 10_000;

// The env var that holds a service's endpoint: name upper-cased, non-alphanumerics -> "_".
function serviceVar(name) {
  return `TARMAC_SERVICE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

// The base URL of a service, or an error naming the variable to set.
function endpoint(name) {
  const value = process.env[serviceVar(name)];
  if (!value)
    throw new Error(`${serviceVar(name)} is not set: expected the URL of ${name}, e.g. http://127.0.0.1:8080`);
  return value.replace(/\/+$/, '');
}

// One HTTP request with a hard timeout; resolves { status, text } for any status code.
function http(method, url, body) {
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method, timeout: REQUEST_TIMEOUT_MS, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (e) => fail(new Error(`${method} ${url} failed: ${e.message}`)));
    req.end(body);
  });
}

// Requests `path` of service `name`, checks the status and returns the parsed JSON (or text).
async function call(name, method, path, { body, status = 200, json = true } = {}) {
  const url = `${endpoint(name)}${path}`;
  const res = await http(method, url, body === undefined ? undefined : JSON.stringify(body));
  if (res.status !== status)
    throw new Error(`${method} ${url}: expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  if (!json) return res.text;
  try {
    return JSON.parse(res.text);
  } catch {
    throw new Error(`${method} ${url}: expected JSON, got: ${res.text.slice(0, 300)}`);
  }
}

// Throws with `message` unless `ok`.
function check(ok, message) {
  if (!ok) throw new Error(message);
}

const show = (v) => JSON.stringify(v);
const newId = (prefix) => `${prefix}-${randomBytes(4).toString('hex')}`;

const checks = [
  ...['datastorage', 'holmesgpt-api', 'aianalysis'].map((name) => ({
    name: `${name} is healthy`,
    run: async () => {
      const text = await call(name, 'GET', '/health', { json: false });
      check(text.trim() === 'ok', `GET /health of ${name}: expected "ok", got ${show(text)}`);
    },
  })),
  {
    name: 'datastorage stores a record and returns it',
    run: async () => {
      const id = newId('roundtrip');
      const data = { alert: 'PodCrashLooping', namespace: 'payments', restarts: 7 };
      const stored = await call('datastorage', 'POST', `/cgi-bin/records?id=${id}`, { body: data, status: 201 });
      check(stored.id === id && stored.stored === true, `POST answered ${show(stored)}`);
      const record = await call('datastorage', 'GET', `/cgi-bin/records?id=${id}`);
      check(show(record) === show({ id, data }), `GET ?id=${id}: expected ${show({ id, data })}, got ${show(record)}`);
      const list = await call('datastorage', 'GET', '/cgi-bin/records');
      check(
        Array.isArray(list.records) && list.records.some((r) => r.id === id),
        `the record list lacks ${id}: ${show(list).slice(0, 300)}`,
      );
    },
  },
  {
    name: 'holmesgpt-api serves the digest its heavy build computed',
    run: async () => {
      const answer = await call('holmesgpt-api', 'GET', '/cgi-bin/investigate?alert=OOMKilled');
      check(answer.alert === 'OOMKilled', `expected alert OOMKilled, got ${show(answer.alert)}`);
      check(
        /^[0-9a-f]{64}$/.test(answer.model?.digest ?? ''),
        `expected a sha256 digest in model.digest, got ${show(answer.model)}`,
      );
      check(
        Number.isInteger(answer.model?.work) && answer.model.work > 0,
        `expected model.work > 0, got ${show(answer.model)}`,
      );
    },
  },
  {
    name: 'aianalysis combines a datastorage record with a holmesgpt-api investigation',
    run: async () => {
      const id = newId('analysis');
      const data = { alert: 'HighLatency', service: 'checkout' };
      await call('datastorage', 'POST', `/cgi-bin/records?id=${id}`, { body: data, status: 201 });
      const direct = await call('holmesgpt-api', 'GET', `/cgi-bin/investigate?alert=${id}`);
      const analysis = await call('aianalysis', 'GET', `/cgi-bin/analyze?id=${id}`);
      check(
        show(analysis.record) === show({ id, data }),
        `record from datastorage: expected ${show({ id, data })}, got ${show(analysis.record)}`,
      );
      check(
        analysis.investigation?.alert === id,
        `investigation of ${id} expected, got ${show(analysis.investigation)}`,
      );
      check(
        analysis.investigation?.model?.digest === direct.model.digest,
        `the investigation's digest differs from holmesgpt-api's own: ${show(analysis.investigation?.model)}`,
      );
    },
  },
  {
    name: 'aianalysis answers 404 for a record datastorage does not have',
    run: async () => {
      const answer = await call('aianalysis', 'GET', `/cgi-bin/analyze?id=${newId('missing')}`, { status: 404 });
      check(answer.upstream === 'datastorage', `expected the 404 to name datastorage, got ${show(answer)}`);
    },
  },
];

// XML 1.0 text: escape markup characters and drop characters XML cannot hold at all.
function xml(text) {
  return (
    String(text)
      // eslint-disable-next-line no-control-regex -- removing exactly the control characters XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

// The JUnit XML document for the results.
function junit(results, seconds) {
  const failures = results.filter((r) => r.error).length;
  const cases = results.map((r) => {
    const open = `    <testcase classname="aianalysis.e2e" name="${xml(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`;
    if (!r.error) return `${open}/>`;
    const message = r.error.message.split('\n')[0];
    return `${open}>\n      <failure message="${xml(message)}" type="${xml(r.error.name)}">${xml(r.error.stack ?? r.error.message)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${failures}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="aianalysis-e2e" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}" timestamp="${new Date().toISOString()}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

// The checks to run: all of them, or the ones the shard file names (an unknown id is an error, not a skip).
function selected() {
  const file = process.env.TARMAC_SHARD_TESTS;
  if (!file) return checks;
  const ids = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !checks.some((c) => c.name === id));
  if (unknown.length > 0) throw new Error(`${file} names tests this suite does not have: ${unknown.join(', ')}`);
  return checks.filter((c) => ids.includes(c.name));
}

if (process.argv.includes('--list')) {
  for (const c of checks) console.log(c.name);
  process.exit(0);
}

const started = Date.now();
const results = [];
const toRun = selected();
if (process.env.TARMAC_SHARD_TESTS)
  console.log(
    `shard ${process.env.TARMAC_SHARD_INDEX ?? '?'}/${process.env.TARMAC_SHARD_COUNT ?? '?'}: ${toRun.length} of ${checks.length} tests`,
  );
for (const c of toRun) {
  const t0 = Date.now();
  try {
    await c.run();
    results.push({ name: c.name, ms: Date.now() - t0 });
    console.log(`ok     ${c.name} (${Date.now() - t0} ms)`);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    results.push({ name: c.name, ms: Date.now() - t0, error: err });
    console.log(`FAILED ${c.name}: ${err.message}`);
  }
}
const file = resolve(process.env.JUNIT_FILE || 'e2e-results.xml');
// JUNIT_FILE may name a directory not made yet (examples/suites runs this suite alone with results/pipeline.xml).
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, junit(results, (Date.now() - started) / 1000));
const failed = results.filter((r) => r.error).length;
console.log(`${results.length - failed} passed, ${failed} failed; JUnit XML: ${file}`);
process.exitCode = failed > 0 ? 1 : 0;
