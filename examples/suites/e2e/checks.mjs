// The few helpers the example's suites share: an endpoint from TARMAC_SERVICE_<NAME>, one HTTP request, and running
// named checks into the JUnit file named by JUNIT_FILE (exit 1 when one fails). Plain node, no dependencies.
/* global AbortSignal -- Node 20 has it; the lint config lists only some of its globals */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The URL in TARMAC_SERVICE_<NAME>, or an error naming the variable. */
export function endpoint(name) {
  const key = `TARMAC_SERVICE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set`);
  return value.replace(/\/+$/, '');
}

/** GET or POST with a 10 s limit; the status and the body text. */
export async function http(method, url, body) {
  const res = await fetch(url, { method, body, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, text: await res.text() };
}

/** Throws `message` unless `ok`. */
export function check(ok, message) {
  if (!ok) throw new Error(message);
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Runs the checks in order, writes JUnit for `suite` and exits 1 when any failed. */
export async function runChecks(suite, checks) {
  const results = [];
  for (const c of checks) {
    const t0 = Date.now();
    try {
      await c.run();
      results.push({ name: c.name, ms: Date.now() - t0 });
      console.log(`ok   ${c.name}`);
    } catch (error) {
      results.push({ name: c.name, ms: Date.now() - t0, error });
      console.log(`FAIL ${c.name}: ${error.message}`);
    }
  }
  const failures = results.filter((r) => r.error).length;
  const cases = results.map((r) => {
    const open = `    <testcase classname="${suite}" name="${xml(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`;
    return r.error ? `${open}><failure message="${xml(r.error.message)}"/></testcase>` : `${open}/>`;
  });
  const file = process.env.JUNIT_FILE ?? `${suite}-results.xml`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites><testsuite name="${suite}" tests="${results.length}" failures="${failures}">`,
      ...cases,
      '</testsuite></testsuites>',
      '',
    ].join('\n'),
  );
  process.exit(failures > 0 ? 1 : 0);
}

/** A check that fails when SUITES_EXAMPLE_BREAK names this suite (to see one suite fail beside green ones). */
export function breakable(suite) {
  return {
    name: `${suite} is not asked to fail`,
    run: () => check(process.env.SUITES_EXAMPLE_BREAK !== suite, `SUITES_EXAMPLE_BREAK=${suite}`),
  };
}
