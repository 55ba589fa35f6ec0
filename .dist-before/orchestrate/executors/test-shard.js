import { mkdir, writeFile } from "node:fs/promises";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../../files/private.js";
import { CancelledError, ExitCode, TarmacError } from "../../errors/errors.js";
import { describeFailure } from "../../exec/describe.js";
import { formatCommand } from "../../exec/format-command.js";
import { shardTests } from "../../plan/shard.js";
import { runDir, shardTestsFile } from "../../journal/run-dir.js";
const MAX_INLINE_IDS = 8e3;
const LIST_TIMEOUT_MS = 12e4;
function shardRequest(env, runId, shard) {
  return shard ? { ...shard, runDir: runDir(env.stateDir, runId) } : void 0;
}
function withShard(shard) {
  return shard ? { shard } : {};
}
async function prepareShard(test, shard, o) {
  const base = { TARMAC_SHARD_INDEX: String(shard.index), TARMAC_SHARD_COUNT: String(shard.count) };
  if (!test.list)
    return {
      env: base,
      summary: `shard ${shard.index}/${shard.count}: no test.list, the test command picks its own tests from TARMAC_SHARD_INDEX/COUNT`
    };
  const all = await listTests(test, test.list, o);
  const mine = shardTests(all, shard);
  await mkdir(shard.runDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = shardTestsFile(shard.runDir);
  await writeFile(file, mine.map((id) => `${id}
`).join(""), { mode: PRIVATE_FILE_MODE });
  const inline = JSON.stringify(mine);
  const env = {
    ...base,
    TARMAC_SHARD_TESTS: file,
    ...inline.length <= MAX_INLINE_IDS ? { TARMAC_SHARD_TEST_IDS: inline } : {}
  };
  return {
    env,
    summary: `shard ${shard.index}/${shard.count}: ${mine.length} of ${new Set(all).size} tests (listed by ${formatCommand(test.list[0] ?? "", test.list.slice(1))})`
  };
}
async function listTests(test, list, o) {
  const [program = "", ...args] = list;
  const result = await o.runner(program, args, {
    cwd: test.cwd,
    env: { ...o.env, ...test.env },
    timeoutMs: Math.min(LIST_TIMEOUT_MS, test.timeoutMs),
    ...o.signal ? { signal: o.signal } : {}
  });
  if (result.cancelled) throw new CancelledError(`listing the tests was cancelled: ${result.command}`);
  if (result.spawnError !== void 0) {
    throw new TarmacError(
      "TEST_LIST_NOT_FOUND",
      `the test list command ${program} could not start: ${result.spawnError}`,
      {
        exitCode: ExitCode.usage,
        hint: "fix test.list in tarmac.yaml (an argv list run in test.cwd, printing one test id per line)"
      }
    );
  }
  if (!result.ok) {
    throw new TarmacError("TEST_LIST_FAILED", `listing the tests failed: ${describeFailure(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: "run test.list by hand in test.cwd; it must exit 0 and print one test id per line",
      details: result.tail.slice(-20)
    });
  }
  return result.stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}
export {
  listTests,
  prepareShard,
  shardRequest,
  withShard
};
//# sourceMappingURL=test-shard.js.map
