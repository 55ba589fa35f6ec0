import { existsSync } from "node:fs";
import { TarmacError, ExitCode } from "../../errors/errors.js";
import { describeFailure } from "../../exec/describe.js";
const TAIL_LINES = 20;
function testCommandNotStarted(test, result, shownCwd, path) {
  const program = test.command[0] ?? "";
  if (!existsSync(test.cwd)) {
    return new TarmacError("TEST_CWD_MISSING", `the test command's working directory ${shownCwd} does not exist`, {
      exitCode: ExitCode.usage,
      hint: "fix test.cwd in tarmac.yaml (relative paths are resolved against the config file's directory)",
      cause: result.spawnError
    });
  }
  const where = program.includes("/") ? `a relative path is resolved against ${shownCwd}` : "a bare name is looked up on PATH";
  return new TarmacError(
    "TEST_COMMAND_NOT_FOUND",
    `the test command ${program} could not start in ${shownCwd}: ${result.spawnError ?? "unknown reason"}`,
    {
      exitCode: ExitCode.usage,
      hint: `install ${program} or fix test.command in tarmac.yaml (${where}; PATH=${path ?? "(unset)"})`,
      cause: result.spawnError
    }
  );
}
function testTimedOut(result) {
  return new TarmacError("TEST_TIMEOUT", `the test suite did not finish: ${describeFailure(result)}`, {
    exitCode: ExitCode.infrastructure,
    hint: "the last output lines above show where it stopped; raise test.timeout (or timeouts.test) in tarmac.yaml if the suite needs longer",
    details: result.tail.slice(-TAIL_LINES)
  });
}
function withRunDetails(error, result) {
  return new TarmacError(error.code, error.message, {
    exitCode: error.exitCode,
    ...error.hint === void 0 ? {} : { hint: error.hint },
    details: [
      ...error.details,
      `${describeFailure(result)}; its last output lines:`,
      ...result.tail.slice(-TAIL_LINES).map((l) => `  ${l}`)
    ],
    cause: error
  });
}
export {
  testCommandNotStarted,
  testTimedOut,
  withRunDetails
};
//# sourceMappingURL=test-suite-errors.js.map
