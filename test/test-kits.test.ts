import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Test kits are named `*.test-kit.ts` and kept out of dist/ by tsconfig.build.json; shipped code never imports one.
const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const tsFiles = filesUnder(src).filter((file) => file.endsWith('.ts'));
const testOnly = (file: string) => file.endsWith('.test.ts') || file.endsWith('.test-kit.ts');

describe('test kits', () => {
  it('are named *.test-kit.ts', () => {
    const oddlyNamed = tsFiles.filter((file) => /kit|fake|fixture|helper/i.test(file) && !testOnly(file));
    expect(oddlyNamed.map((file) => relative(root, file))).toEqual([]);
  });

  it('are excluded from the build with every test file', () => {
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { exclude: string[] };
    expect(build.exclude).toEqual(['src/**/*.test.ts', 'src/**/*.test-kit.ts']);
  });

  it('are imported by no shipped file', () => {
    const importers = tsFiles.filter(
      (file) => !testOnly(file) && /\.test(-kit)?\.js'/.test(readFileSync(file, 'utf8')),
    );
    expect(importers.map((file) => relative(root, file))).toEqual([]);
  });
});
