// prepareShard with real processes: a list command prints ids, tarmac splits them and writes this shard's.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../exec/run-command.js';
import type { TestSpec } from '../../config/types.js';
import { rejection } from '../../engines/engine.test-kit.js';
import { prepareShard } from './test-shard.js';

const dir = mkdtempSync(join(tmpdir(), 'tarmac-shard-'));
const spec = (list?: string[]): TestSpec => ({
  command: ['node', 'suite.mjs'],
  env: { SUITE_FLAVOUR: 'x' },
  timeoutMs: 30_000,
  cwd: dir,
  ...(list ? { list } : {}),
});
// Prints five ids out of order, one twice, with blank lines and padding: what a real lister may do.
const lister = [
  'node',
  '-e',
  'console.log(["  e", "c", "", "a", "d", "b", "c"].join("\\n") + "\\n" + process.env.SUITE_FLAVOUR)',
];

describe('prepareShard', () => {
  it('lists, sorts, splits round-robin and hands this shard its ids as a file and inline', async () => {
    const runDir = join(dir, 'run-1');
    const shard = await prepareShard(spec(lister), { index: 2, count: 2, runDir }, { runner: runCommand, env: {} });
    // test.env reaches the list command too ("x" is listed).
    expect(readFileSync(join(runDir, 'shard-tests.txt'), 'utf8')).toBe('b\nd\nx\n');
    expect(shard.env).toEqual({
      TARMAC_SHARD_INDEX: '2',
      TARMAC_SHARD_COUNT: '2',
      TARMAC_SHARD_TESTS: join(runDir, 'shard-tests.txt'),
      TARMAC_SHARD_TEST_IDS: '["b","d","x"]',
    });
    expect(shard.summary).toMatch(/^shard 2\/2: 3 of 6 tests \(listed by node -e /);
  });

  it('without test.list passes only the index and count', async () => {
    const shard = await prepareShard(
      spec(),
      { index: 1, count: 3, runDir: join(dir, 'run-2') },
      { runner: runCommand, env: {} },
    );
    expect(shard.env).toEqual({ TARMAC_SHARD_INDEX: '1', TARMAC_SHARD_COUNT: '3' });
    expect(shard.summary).toContain('no test.list');
  });

  it("fails with the list command's output when it exits non-zero (exit 4)", async () => {
    const error = await rejection(
      prepareShard(
        spec(['node', '-e', 'console.error("no such suite"); process.exit(3)']),
        { index: 1, count: 2, runDir: join(dir, 'run-3') },
        { runner: runCommand, env: {} },
      ),
    );
    expect(error).toMatchObject({ code: 'TEST_LIST_FAILED', exitCode: 4 });
    expect(error.details).toContain('no such suite');
  });

  it('says so when the list command cannot start (exit 2)', async () => {
    const error = await rejection(
      prepareShard(
        spec(['tarmac-no-such-lister']),
        { index: 1, count: 2, runDir: join(dir, 'run-4') },
        { runner: runCommand, env: {} },
      ),
    );
    expect(error).toMatchObject({ code: 'TEST_LIST_NOT_FOUND', exitCode: 2 });
    expect(error.hint).toContain('test.list');
  });
});
