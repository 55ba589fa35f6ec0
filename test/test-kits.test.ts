import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCLUDED, shippedSources } from '../scripts/build-sources.mjs';

// Test kits are named `*.test-kit.ts` and kept out of dist/ by the build (scripts/build-sources.mjs); shipped code
// never imports one.
const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const tsFiles = filesUnder(src)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => relative(root, file));
const testOnly = (file: string) => file.endsWith('.test.ts') || file.endsWith('.test-kit.ts');
const shipped = shippedSources(src).map((file) => `src/${file}`);

describe('test kits', () => {
  it('are named *.test-kit.ts', () => {
    expect(tsFiles.filter((file) => /kit|fake|fixture|helper/i.test(file) && !testOnly(file))).toEqual([]);
  });

  it('are excluded from the build with every test file', () => {
    expect(EXCLUDED.some((pattern) => pattern.test('orchestrate/scheduler.test-kit.ts'))).toBe(true);
    expect(shipped.filter(testOnly)).toEqual([]);
    expect(shipped).toContain('src/cli/main.ts');
  });

  it('are imported by no shipped file', () => {
    const importers = shipped.filter((file) => /\.test(-kit)?\.js'/.test(readFileSync(join(root, file), 'utf8')));
    expect(importers).toEqual([]);
  });
});

// Every project runs with `isolate: false` (vitest.config.ts): the files of one fork share one module graph and one
// process, so a module mock, a stubbed global or a changed process.env in one file would leak into the files after it.
describe('test files', () => {
  it('mock no modules, stub no globals and change no process.env', () => {
    const files = [
      ...tsFiles.filter(testOnly),
      ...['test', 'test/e2e', 'test/support', 'test/triage-scenarios'].flatMap((dir) =>
        readdirSync(join(root, dir))
          .filter((name) => name.endsWith('.ts'))
          .map((name) => `${dir}/${name}`),
      ),
    ];
    const leaking = files.filter((file) =>
      /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/.test(
        readFileSync(join(root, file), 'utf8'),
      ),
    );
    expect(leaking).toEqual([]);
  });
});
