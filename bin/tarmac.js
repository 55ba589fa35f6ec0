#!/usr/bin/env node
// Entry point: runs the bundled CLI (npm run build produces dist/tarmac.cjs) from V8's code cache.
// Why node:vm and not import(): node 20 keeps no compiled code between runs, so every start parsed and compiled
// the bundle again (about 0.1 s of CPU for `tarmac test`, issue 16). A vm.Script takes V8's code cache: each command
// keeps its own (what `test` compiles is not what `up` does), written after the command's first successful run and
// used from then on. V8 checks a cache against its own version and flags and rejects one that does not match; a
// rejected cache is written again.
// Where: tarmac writes only under a project's .tarmac/, its own names in the temp dir and paths it is given, so the
// caches live in <tmpdir>/tarmac-v8-cache-<uid>/, never in the installed dist/. Code cache is code: the directory is
// used only when it is a real directory (not a link) owned by this user that no one else can write; otherwise every
// start compiles, as before. V8's own check of the source is weak (its length), so each build of the bundle gets
// its own subdirectory, keyed by the bundle's path, inode, size and mtime; writing a cache removes the subdirectories
// of this bundle path's earlier builds.
// Source maps stay off (node would read and index the bundle's map at start): the one stack tarmac prints, an
// internal error's, is mapped to src/ lines when it is rendered (src/cli/source-stack.ts).
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script, constants } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/tarmac.cjs', import.meta.url));
const dir = dirname(bundle);
// The command's name (the first word that is not an option), as a file name; `--version` and `--help` are `none`.
const word = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const command = word !== undefined && /^[a-z][a-z-]{0,30}$/.test(word) ? word : 'none';
// `tarmac test` waits first on one engine listing of the env (about 0.15 s here): started now, it runs while node
// compiles the bundle, reads the config and takes the env's lock, which then decides whether its answer is used
// (src/exec/read-ahead/, src/cli/read-ahead.ts; issue 16).
const readAhead = command === 'test' ? startReadAhead() : undefined;
// Node options (V8 flags among them) make V8 reject a cache made without them: runs with and without options keep
// separate caches instead of rewriting one in turn.
const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const flavour = options === '' ? '' : `-${tinyHash(options)}`;
const cacheRoot = join(tmpdir(), `tarmac-v8-cache-${process.getuid?.() ?? 'user'}`);
const bundleStat = statSync(bundle);
const buildPrefix = `${tinyHash(bundle)}-`;
const buildDir = join(
  cacheRoot,
  `${buildPrefix}${bundleStat.ino}-${bundleStat.size}-${Math.trunc(bundleStat.mtimeMs)}`,
);
const cacheFile = join(buildDir, `${command}-${process.version}-${process.arch}${flavour}.bin`);
const trusted = privateDir(cacheRoot, false);

let cached;
try {
  if (trusted) cached = readFileSync(cacheFile);
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

process.exitCode = await cli.exports.main(
  process.argv,
  readAhead ? { ...cli.exports.processIo(), readAhead } : undefined,
);
readAhead?.stop();

// After a successful run the cache holds every function it compiled, not only the top level.
if ((cached === undefined || script.cachedDataRejected) && process.exitCode === 0) {
  try {
    if (!privateDir(cacheRoot, true)) throw new Error('no private cache directory');
    for (const old of readdirSync(cacheRoot))
      if (old.startsWith(buildPrefix) && join(cacheRoot, old) !== buildDir)
        rmSync(join(cacheRoot, old), { recursive: true, force: true });
    mkdirSync(buildDir, { recursive: true, mode: 0o700 });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, cacheFile);
  } catch {
    // Only a saving: the next start compiles again.
  }
}

// The read ahead kept for this project's env, started; undefined when there is none (or it cannot start).
function startReadAhead() {
  try {
    const { startReadAhead: start } = createRequire(bundle)('./read-ahead.cjs');
    return start(process.argv.slice(2), process.cwd(), process.env);
  } catch {
    return undefined;
  }
}

// Whether `path` is a directory (not a link) of this user that nobody else can write; `create` makes it first.
function privateDir(path, create) {
  try {
    if (create) mkdirSync(path, { mode: 0o700 });
  } catch {
    // It exists already (checked below) or cannot be made.
  }
  try {
    const st = lstatSync(path);
    const mine = process.getuid === undefined || st.uid === process.getuid();
    return st.isDirectory() && mine && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

// A short, stable name for a string (FNV-1a, 32 bits): only tells caches apart, guards nothing.
function tinyHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
