#!/usr/bin/env node
// The grown example's suite: plain node, no dependencies. It reads what the deploy put in place: the migration's
// record (written by the Job with the Secret's user), the records the seeding hook wrote, and an analysis of a seeded
// record by aianalysis (deployed from the Helm chart), which reaches the store and holmesgpt-api by Service name.
// Endpoints come from TARMAC_SERVICE_<NAME>; JUnit XML goes to $JUNIT_FILE (default ./e2e-results.xml).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
/* global AbortSignal */

const SEEDED = JSON.parse(readFileSync(new URL('../hooks/seed-data.json', import.meta.url), 'utf8'));
const show = (v) => JSON.stringify(v);

// GET a service's path; returns the parsed JSON, or throws naming what was expected.
async function get(service, path, status = 200) {
  const key = `TARMAC_SERVICE_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const base = process.env[key];
  if (!base) throw new Error(`${key} is not set: expected the URL of ${service}`);
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (res.status !== status)
    throw new Error(`GET ${service}${path}: expected HTTP ${status}, got ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

const checks = [
  {
    name: 'the migration Job wrote the schema record with the ConfigMap’s user',
    run: async () => {
      const record = await get('store', '/cgi-bin/records?id=schema-v1');
      check(show(record.data) === show({ version: 1, user: 'analyst' }), `schema record: ${show(record)}`);
    },
  },
  {
    name: 'the seeding hook’s records are in the store',
    run: async () => {
      const list = await get('store', '/cgi-bin/records');
      for (const { id, data } of SEEDED) {
        const found = list.records.find((r) => r.id === id);
        check(show(found?.data) === show(data), `record ${id}: expected ${show(data)}, got ${show(found)}`);
      }
    },
  },
  {
    name: 'aianalysis from the Helm chart analyses a seeded record',
    run: async () => {
      const { id, data } = SEEDED[0];
      const analysis = await get('aianalysis', `/cgi-bin/analyze?id=${id}`);
      check(show(analysis.record) === show({ id, data }), `record through aianalysis: ${show(analysis.record)}`);
      check(analysis.investigation?.alert === id, `investigation: ${show(analysis.investigation)}`);
    },
  },
  {
    name: 'aianalysis answers 404 for a record nobody seeded',
    run: async () => {
      const answer = await get('aianalysis', '/cgi-bin/analyze?id=never-seeded', 404);
      check(answer.upstream === 'datastorage', `expected the 404 to name datastorage, got ${show(answer)}`);
    },
  },
];

const xml = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const results = [];
for (const c of checks) {
  const t0 = Date.now();
  try {
    await c.run();
    results.push({ name: c.name, ms: Date.now() - t0 });
    console.log(`ok     ${c.name}`);
  } catch (error) {
    results.push({ name: c.name, ms: Date.now() - t0, error });
    console.log(`FAILED ${c.name}: ${error.message}`);
  }
}
const failed = results.filter((r) => r.error).length;
const cases = results.map((r) => {
  const open = `    <testcase classname="full.e2e" name="${xml(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`;
  return r.error ? `${open}>\n      <failure message="${xml(r.error.message)}"/>\n    </testcase>` : `${open}/>`;
});
const file = resolve(process.env.JUNIT_FILE || 'e2e-results.xml');
writeFileSync(
  file,
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="full-e2e" tests="${results.length}" failures="${failed}" errors="0" skipped="0">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n'),
);
console.log(`${results.length - failed} passed, ${failed} failed; JUnit XML: ${file}`);
process.exitCode = failed > 0 ? 1 : 0;
