#!/usr/bin/env node
// The storage suite: datastorage answers its health check and keeps a record.
import { breakable, check, endpoint, http, runChecks } from './checks.mjs';

const id = `rec-${process.pid}-${Date.now()}`;
await runChecks('storage', [
  {
    name: 'datastorage is healthy',
    run: async () => check((await http('GET', `${endpoint('datastorage')}/health`)).status === 200, 'health not 200'),
  },
  {
    name: 'datastorage stores a record and returns it',
    run: async () => {
      const stored = await http('POST', `${endpoint('datastorage')}/cgi-bin/records?id=${id}`, '{"kind":"suite"}');
      check(stored.status === 201, `POST answered ${stored.status}: ${stored.text}`);
      const read = await http('GET', `${endpoint('datastorage')}/cgi-bin/records?id=${id}`);
      check(read.status === 200 && read.text.includes('suite'), `GET answered ${read.status}: ${read.text}`);
    },
  },
  breakable('storage'),
]);
