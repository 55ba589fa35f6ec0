// Which src/ files `npm run build` ships: every module but the tests, the test kits and the triage replay harness
// (test-only code that npm run bench:triage runs from source). One list, used by scripts/build.mjs and checked by
// test/test-kits.test.ts.
import { readdirSync } from 'node:fs';

/** Paths under src/ (with `/`) that are never built into dist/. */
export const EXCLUDED = [/\.test\.ts$/, /\.test-kit\.ts$/, /^triage\/replay\//];

/** The .ts files under `srcDir` that are built, as paths relative to it with `/` separators. */
export function shippedSources(srcDir) {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .filter((path) => !EXCLUDED.some((pattern) => pattern.test(path)));
}
