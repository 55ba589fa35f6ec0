// The CLI as one bundle: src/cli/main.ts with every package it uses (but better-sqlite3, a native addon) in
// dist/tarmac.js, and the context hash worker's entry in dist/context-worker.js (a worker thread loads it by path).
// Why a bundle: node resolves and loads each of tarmac's ~500 modules (and zod's, execa's) on every start; the
// e2e suite starts tarmac hundreds of times. Each command's module is loaded with import(), so esbuild splits it
// into its own chunk and `tarmac --version` loads only the declarations. Every output sits directly in `outdir`
// (one directory below package.json, like src/), so code that finds files from its own import.meta.url
// (src/version.ts, src/cache/worker/run.ts) finds the same ones. Source maps point stack traces at src/ lines
// (bin/tarmac.js enables them); they carry no sources, only the mappings.
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

/** Bundles the CLI from `srcDir` into `outdir`; resolves to how many files it wrote. */
export async function bundleCli(srcDir, outdir) {
  const result = await build({
    entryPoints: { tarmac: join(srcDir, 'cli/main.ts'), 'context-worker': join(srcDir, 'cache/worker/entry.ts') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    plugins: [englishZodLocales],
    // Bundled CommonJS packages (commander, yaml) require node's built-ins; an ES module has no `require`.
    banner: {
      js: "import { createRequire as __tarmacCreateRequire } from 'node:module'; const require = __tarmacCreateRequire(import.meta.url);",
    },
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  return { files: Object.keys(result.metafile.outputs).length };
}
