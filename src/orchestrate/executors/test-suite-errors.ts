// The errors of the test step that are not test failures: a command that cannot start, a
// working directory that is not there, a suite that runs past its time limit.
import { existsSync } from 'node:fs';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import { describeFailure } from '../../exec/describe.js';
import type { CommandResult } from '../../exec/types.js';
import type { TestSpec } from '../../config/types.js';

const TAIL_LINES = 20;

/** TEST_COMMAND_NOT_FOUND (exit 2), or TEST_CWD_MISSING when the working directory is what is missing. */
export function testCommandNotStarted(
  test: TestSpec,
  result: CommandResult,
  shownCwd: string,
  path: string | undefined,
): TarmacError {
  const program = test.command[0] ?? '';
  if (!existsSync(test.cwd)) {
    return new TarmacError('TEST_CWD_MISSING', `the test command's working directory ${shownCwd} does not exist`, {
      exitCode: ExitCode.usage,
      hint: "fix test.cwd in tarmac.yaml (relative paths are resolved against the config file's directory)",
      cause: result.spawnError,
    });
  }
  const where = program.includes('/')
    ? `a relative path is resolved against ${shownCwd}`
    : 'a bare name is looked up on PATH';
  return new TarmacError(
    'TEST_COMMAND_NOT_FOUND',
    `the test command ${program} could not start in ${shownCwd}: ${result.spawnError ?? 'unknown reason'}`,
    {
      exitCode: ExitCode.usage,
      hint: `install ${program} or fix test.command in tarmac.yaml (${where}; PATH=${path ?? '(unset)'})`,
      cause: result.spawnError,
    },
  );
}

/** TEST_TIMEOUT (exit 4) with the last output lines: where the suite was when it was stopped. */
export function testTimedOut(result: CommandResult): TarmacError {
  return new TarmacError('TEST_TIMEOUT', `the test suite did not finish: ${describeFailure(result)}`, {
    exitCode: ExitCode.infrastructure,
    hint: 'the last output lines above show where it stopped; raise test.timeout (or timeouts.test) in tarmac.yaml if the suite needs longer',
    details: result.tail.slice(-TAIL_LINES),
  });
}

/** The same error with the command's own ending and last output lines added to its details. */
export function withRunDetails(error: TarmacError, result: CommandResult): TarmacError {
  return new TarmacError(error.code, error.message, {
    exitCode: error.exitCode,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    details: [
      ...error.details,
      `${describeFailure(result)}; its last output lines:`,
      ...result.tail.slice(-TAIL_LINES).map((l) => `  ${l}`),
    ],
    cause: error,
  });
}
