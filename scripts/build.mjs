#!/usr/bin/env node
// `npm run build`: two esbuild runs into dist/, side by side.
// 1. The CLI as a bundle (scripts/bundle-cli.mjs): dist/tarmac.js, which bin/tarmac.js loads, and its chunks.
// 2. Every shipped src/ module (scripts/build-sources.mjs) transpiled on its own, one .js and .js.map per source file
//    in the same layout, for code that imports one module of tarmac (tests, benches).
// Then dist/known-reports.json from the triage corpus (scripts/known-reports.mjs), for the similar-report leads.
// Why esbuild and not tsc: type-checking is `npm run typecheck`'s job (it covers src/ too), and the sources compile
// file by file (isolatedModules, verbatimModuleSyntax), so a transpile gives the same modules in about a second
// instead of a second full type-check on the test command's critical path.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shippedSources } from './build-sources.mjs';
import { bundleCli } from './bundle-cli.mjs';
import { writeKnownReports } from './known-reports.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist');
const entryPoints = shippedSources(src).map((path) => join(src, path));

rmSync(out, { recursive: true, force: true });
const [bundle] = await Promise.all([
  bundleCli(src, out),
  build({
    entryPoints,
    outdir: out,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  }),
]);
const known = writeKnownReports(join(root, 'test', 'corpus', 'cases'), out);
console.log(
  `built ${entryPoints.length} modules and the CLI bundle (${bundle.files} files) into dist/, with ${known} known reports`,
);
