#!/usr/bin/env node
// The seeding hook (deploy group `data`, after it is ready): writes the records the suite reads into the store,
// through the same endpoint variable the tests get (TARMAC_SERVICE_STORE). Idempotent: a second run rewrites the
// same records. Exits non-zero, with the store's answer, if one is refused.
import { readFileSync } from 'node:fs';
import process from 'node:process';
/* global AbortSignal */

// The records, shared with the suite that reads them back.
const SEEDED = JSON.parse(readFileSync(new URL('seed-data.json', import.meta.url), 'utf8'));

const store = process.env.TARMAC_SERVICE_STORE;
if (!store) {
  console.error('seed: TARMAC_SERVICE_STORE is not set (run me as a tarmac hook, or set it to the store URL)');
  process.exit(2);
}
for (const { id, data } of SEEDED) {
  const res = await fetch(`${store}/cgi-bin/records?id=${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 201) {
    console.error(`seed: POST ${id} answered ${res.status}: ${text.slice(0, 200)}`);
    process.exit(1);
  }
  console.log(`seeded ${id}`);
}
