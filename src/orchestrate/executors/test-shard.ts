// `--shard I/N` in the test step: list the suite's tests (test.list), keep this shard's, and hand them to the
// test command as TARMAC_SHARD_INDEX / TARMAC_SHARD_COUNT / TARMAC_SHARD_TESTS (a file, one id per line).
import { mkdir, writeFile } from 'node:fs/promises';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../files/private.js';
import type { TestSpec } from '../../config/types.js';
import { CancelledError, ExitCode, TarmacError } from '../../errors/errors.js';
import { describeFailure } from '../../exec/describe.js';
import { formatCommand } from '../../exec/format-command.js';
import type { CommandRunner } from '../../exec/types.js';
import { shardTests, type Shard } from '../../plan/shard.js';
import { runDir, shardTestsFile } from '../../journal/run-dir.js';

/** Where this run's shard list goes: the run directory (`<stateDir>/runs/<runId>/shard-tests.txt`). */
export interface ShardRequest extends Shard {
  runDir: string;
}

/** What the test command gets for its shard. */
export interface PreparedShard {
  env: Record<string, string>;
  /** One line for the step output, e.g. "shard 1/2: 4 of 7 tests (listed by node e2e/suite.mjs --list)". */
  summary: string;
}

// Ids are also passed inline, as a JSON array, when they fit comfortably in one environment variable.
const MAX_INLINE_IDS = 8_000;
// Listing tests must be quick; it gets at most this long (or test.timeout when shorter).
const LIST_TIMEOUT_MS = 120_000;

/** The shard request for a run: the shard list goes to the run directory; undefined without --shard. */
export function shardRequest(
  env: { stateDir: string },
  runId: string,
  shard: Shard | undefined,
): ShardRequest | undefined {
  return shard ? { ...shard, runDir: runDir(env.stateDir, runId) } : undefined;
}

/** `{ shard }` when there is one, for spreading into options under exactOptionalPropertyTypes. */
export function withShard(shard: ShardRequest | undefined): { shard?: ShardRequest } {
  return shard ? { shard } : {};
}

/** Lists, splits and writes this shard's tests; without test.list only the index and count are passed. */
export async function prepareShard(
  test: TestSpec,
  shard: ShardRequest,
  o: { runner: CommandRunner; env: Record<string, string>; signal?: AbortSignal },
): Promise<PreparedShard> {
  const base = { TARMAC_SHARD_INDEX: String(shard.index), TARMAC_SHARD_COUNT: String(shard.count) };
  if (!test.list)
    return {
      env: base,
      summary: `shard ${shard.index}/${shard.count}: no test.list, the test command picks its own tests from TARMAC_SHARD_INDEX/COUNT`,
    };
  const all = await listTests(test, test.list, o);
  const mine = shardTests(all, shard);
  await mkdir(shard.runDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = shardTestsFile(shard.runDir);
  await writeFile(file, mine.map((id) => `${id}\n`).join(''), { mode: PRIVATE_FILE_MODE });
  const inline = JSON.stringify(mine);
  const env = {
    ...base,
    TARMAC_SHARD_TESTS: file,
    ...(inline.length <= MAX_INLINE_IDS ? { TARMAC_SHARD_TEST_IDS: inline } : {}),
  };
  return {
    env,
    summary: `shard ${shard.index}/${shard.count}: ${mine.length} of ${new Set(all).size} tests (listed by ${formatCommand(test.list[0] ?? '', test.list.slice(1))})`,
  };
}

/** Runs test.list and returns its non-empty, trimmed output lines. Throws TEST_LIST_FAILED (exit 4) or TEST_LIST_NOT_FOUND (exit 2). */
export async function listTests(
  test: TestSpec,
  list: string[],
  o: { runner: CommandRunner; env: Record<string, string>; signal?: AbortSignal },
): Promise<string[]> {
  const [program = '', ...args] = list;
  const result = await o.runner(program, args, {
    cwd: test.cwd,
    env: { ...o.env, ...test.env },
    timeoutMs: Math.min(LIST_TIMEOUT_MS, test.timeoutMs),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  if (result.cancelled) throw new CancelledError(`listing the tests was cancelled: ${result.command}`);
  if (result.spawnError !== undefined) {
    throw new TarmacError(
      'TEST_LIST_NOT_FOUND',
      `the test list command ${program} could not start: ${result.spawnError}`,
      {
        exitCode: ExitCode.usage,
        hint: 'fix test.list in tarmac.yaml (an argv list run in test.cwd, printing one test id per line)',
      },
    );
  }
  if (!result.ok) {
    throw new TarmacError('TEST_LIST_FAILED', `listing the tests failed: ${describeFailure(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: 'run test.list by hand in test.cwd; it must exit 0 and print one test id per line',
      details: result.tail.slice(-20),
    });
  }
  return result.stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
