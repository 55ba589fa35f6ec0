// Golden tests for what users read when a config is wrong: each test/golden/config/<case>/
// holds a tarmac.yaml and expected.txt. UPDATE_GOLDEN=1 rewrites expected.txt.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, TarmacError } from '../src/errors/errors.js';
import { formatProblems, formatWarnings } from '../src/config/format.js';
import { loadEnvWithWarnings } from '../src/config/load.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'config');
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

// What the user would see for this case, with the machine's absolute paths replaced.
async function render(dir: string): Promise<{ text: string; exitCode: number }> {
  let text: string;
  let exitCode = 0;
  try {
    const { warnings } = await loadEnvWithWarnings(path.join(dir, 'tarmac.yaml'), { cwd: dir });
    text = warnings.length > 0 ? formatWarnings(warnings, dir) : 'valid';
  } catch (err) {
    if (!(err instanceof TarmacError)) throw err;
    exitCode = err.exitCode;
    text =
      err instanceof ConfigError ? formatProblems(err, dir) : `${err.code}: ${err.message}\n  hint: ${err.hint ?? ''}`;
  }
  return { text: `${text.split(dir).join('<case>')}\n`, exitCode };
}

describe('config golden output', () => {
  it('has the required cases', () => {
    const required = [
      'yaml-syntax',
      'unknown-key',
      'missing-context',
      'missing-containerfile',
      'dependson-cycle',
      'duplicate-image',
      'weight-zero',
      'negative-timeout',
      'missing-manifests',
      'several-problems-at-once',
      'valid',
    ];
    expect(CASES).toEqual(expect.arrayContaining(required));
  });

  it.each(CASES)('%s', async (name) => {
    const dir = path.join(ROOT, name);
    const { text, exitCode } = await render(dir);
    const expectedFile = path.join(dir, 'expected.txt');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, text);
    if (!existsSync(expectedFile))
      throw new Error(`${name}/expected.txt is missing: run with UPDATE_GOLDEN=1, then review it`);
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    // Every failing case is a usage/config error: `tarmac validate` exits 2.
    expect(exitCode).toBe(text.startsWith('valid') || text.includes(': warning: ') ? 0 : 2);
  });
});
