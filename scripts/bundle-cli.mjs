// The CLI as one bundle: src/cli/main.ts with every package it uses (but better-sqlite3, a native addon) in
// dist/tarmac.cjs, and the context hash worker's entry in dist/context-worker.js (a worker thread loads it by path).
// Why a bundle: node resolves and loads each of tarmac's ~500 modules (and zod's, execa's) on every start; the
// e2e suite starts tarmac hundreds of times. Why one CommonJS file (issue 16): bin/tarmac.js compiles it with
// node:vm and V8's code cache (one per command, kept in a private <tmpdir>/tarmac-v8-cache-<uid>/, see bin/tarmac.js), so a start skips parsing and compiling
// what the command ran before; node 20 has no code cache for ES modules. Each command's module is still imported
// with import(), which esbuild turns into a lazy require: its code is evaluated only when the command runs. Every
// output sits directly in `outdir` (one directory below package.json, like src/), so code that finds files from
// its own import.meta.url (src/version.ts, src/cache/worker/run.ts) finds the same ones. Source maps point stack
// traces at src/ lines (src/cli/source-stack.ts maps them); they carry no sources, only the mappings.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';

// zod re-exports every language's error messages as `z.locales` (366 KB of its 751 KB in the bundle), and each
// command that reads the config loads and compiles them. tarmac uses the English messages zod sets by default only,
// so `z.locales` is English alone in the bundle (the sources, run by tests through tsx, keep zod as it is).
const englishZodLocales = {
  name: 'english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
      resolveDir: dirname(args.path),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  plugins: [englishZodLocales],
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** Bundles the CLI from `srcDir` into `outdir`; resolves to how many files it wrote. */
export async function bundleCli(srcDir, outdir) {
  const [cli, worker, readAhead] = await Promise.all([
    build({
      ...common,
      entryPoints: [join(srcDir, 'cli/main.ts')],
      outfile: join(outdir, 'tarmac.cjs'),
      format: 'cjs',
      // Read and decoded on every start: without comments and indentation it is 1.8 MB instead of 2.5, and ASCII only
      // (non-ASCII text escaped) it decodes to a one-byte string, several times faster (test/cli-bundle.test.ts).
      // Names are kept (no identifier minification): error names and stack frames read as in the sources.
      minifyWhitespace: true,
      charset: 'ascii',
      // CommonJS has no import.meta: the bundle's own URL stands in for it (the file bin/tarmac.js compiles).
      define: { 'import.meta.url': '__tarmacBundleUrl' },
      banner: { js: "const __tarmacBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: [join(srcDir, 'cache/worker/entry.ts')],
      outfile: join(outdir, 'context-worker.js'),
      format: 'esm',
      // Bundled CommonJS packages require node's built-ins; an ES module has no `require`.
      banner: {
        js: "import { createRequire as __tarmacCreateRequire } from 'node:module'; const require = __tarmacCreateRequire(import.meta.url);",
      },
    }),
    // What bin/tarmac.js starts before it loads the CLI (`tarmac test`'s read ahead, src/exec/read-ahead/start.ts):
    // one small CommonJS file, so it costs a require instead of the ES module loader's reads (about 10 ms).
    build({
      ...common,
      entryPoints: [join(srcDir, 'exec/read-ahead/start.ts')],
      outfile: join(outdir, 'read-ahead.cjs'),
      format: 'cjs',
    }),
  ]);
  return {
    files: [cli, worker, readAhead].reduce((n, b) => n + Object.keys(b.metafile.outputs).length, 0),
  };
}
