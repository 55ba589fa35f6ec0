// `tarmac validate` end to end through main(): exit codes and what the user reads.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const goldenDir = new URL('./golden/config/', import.meta.url).pathname;

// Cases whose expected output has at least one error line (warning-only and valid cases exit 0).
const failingCases = readdirSync(goldenDir).filter((name) => {
  const expected = join(goldenDir, name, 'expected.txt');
  if (!existsSync(expected)) return false;
  return readFileSync(expected, 'utf8')
    .split('\n')
    .some((l) => /^\S+:\d+:\d+ /.test(l) && !l.includes(': warning:'));
});

describe('tarmac validate', () => {
  it.each(failingCases)('%s: prints the located problems and exits 2', async (name) => {
    const dir = join(goldenDir, name);
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(readFileSync(join(dir, 'expected.txt'), 'utf8').trimEnd());
    expect(stderr).toMatch(/error\[CONFIG_INVALID\]: \d+ problems? in the config/);
  });

  it('accepts the bundled example and summarises it', async () => {
    const { code, stdout } = await runCli(
      ['validate', '-f', 'examples/aianalysis/tarmac.yaml'],
      new URL('..', import.meta.url).pathname,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/examples\/aianalysis\/tarmac.yaml: ok · 4 images/);
  });

  it('names -f when there is no tarmac.yaml', async () => {
    const { code, stderr } = await runCli(['validate'], '/');
    expect(code).toBe(2);
    expect(stderr).toMatch(/CONFIG_NOT_FOUND/);
    expect(stderr).toMatch(/-f/);
  });

  it('rejects an unknown option with exit 2', async () => {
    const { code, stderr } = await runCli(['build', '--capacity', '0'], '/');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Expected a whole number of at least 1, got `0`/);
  });

  it('bounds --capacity like build.capacity', async () => {
    const { code, stderr } = await runCli(['build', '--capacity', '100000'], '/');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Expected a capacity of at most 256, got `100000`/);
  });
});
