#!/usr/bin/env node
// Entry point: runs the bundled CLI (npm run build produces dist/tarmac.cjs) from V8's code cache.
// Why node:vm and not import(): node 20 keeps no compiled code between runs, so every start parsed and compiled
// the bundle again (about 0.1 s of CPU for `tarmac test`, issue 16). A vm.Script takes V8's code cache: each command
// keeps its own in dist/v8-cache/ (what `test` compiles is not what `up` does), written after the command's first
// successful run and used from then on. V8 checks a cache against the source and its own version and flags and
// rejects one that does not match; a rejected cache is written again. Where dist/ is read-only nothing is kept and
// every start compiles, as before. Only the bundle's own directory is trusted with caches: code cache is code.
// Source maps stay off (node would read and index the bundle's map at start): the one stack tarmac prints, an
// internal error's, is mapped to src/ lines when it is rendered (src/cli/source-stack.ts).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script, constants } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/tarmac.cjs', import.meta.url));
const dir = dirname(bundle);
// The command's name (the first word that is not an option), as a file name; `--version` and `--help` are `none`.
const word = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const command = word !== undefined && /^[a-z][a-z-]{0,30}$/.test(word) ? word : 'none';
// Node options (V8 flags among them) make V8 reject a cache made without them: runs with and without options keep
// separate caches instead of rewriting one in turn.
const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const flavour = options === '' ? '' : `-${tinyHash(options)}`;
const cacheFile = join(dir, 'v8-cache', `${command}-${process.version}-${process.arch}${flavour}.bin`);

let cached;
try {
  cached = readFileSync(cacheFile);
} catch {
  // No cache yet (or none can be kept): compile.
}
// The CommonJS wrapper on the bundle's first line, so its line numbers (and the source map's) stay as they are;
// strict, as the ES modules it was bundled from are.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {"use strict";${readFileSync(bundle, 'utf8')}\n})`,
  {
    filename: bundle,
    ...(cached ? { cachedData: cached } : {}),
    importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  },
);
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dir);

process.exitCode = await cli.exports.main(process.argv);

// After a successful run the cache holds every function it compiled, not only the top level.
if ((cached === undefined || script.cachedDataRejected) && process.exitCode === 0) {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // Only a saving: the next start compiles again.
  }
}

// A short, stable name for a string (FNV-1a, 32 bits): only tells caches apart, guards nothing.
function tinyHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
