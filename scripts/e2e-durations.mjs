#!/usr/bin/env node
// Writes test/e2e/durations.json (seconds per e2e file, rounded) from vitest's results cache of the last runs, for
// the order the e2e files start in (test/support/duration-sequencer.ts). Run it after a full `npm test`.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.vite', 'vitest');
const caches = existsSync(cacheDir) ? readdirSync(cacheDir).map((d) => join(cacheDir, d, 'results.json')) : [];
const found = caches.filter((file) => existsSync(file));
if (found.length === 0) {
  console.error(`e2e-durations: no vitest results cache under ${cacheDir}; run npm test first`);
  process.exit(1);
}
const seconds = {};
for (const file of found) {
  for (const [key, result] of JSON.parse(readFileSync(file, 'utf8')).results) {
    const path = key.slice(key.indexOf(':') + 1);
    if (path.startsWith('test/e2e/') && existsSync(join(root, path)))
      seconds[path] = Math.max(1, Math.round(result.duration / 1000));
  }
}
const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(root, 'test', 'e2e', 'durations.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`e2e-durations: ${Object.keys(sorted).length} files written to test/e2e/durations.json`);
