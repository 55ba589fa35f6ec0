// Checks that must pass before `up` creates anything, so bad input never leaves a half-created env behind.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Env } from '../config/types.js';
import { findOnPath } from '../engines/find-on-path.js';
import { TarmacError, ExitCode } from '../errors/errors.js';

/** Throws TEST_COMMAND_NOT_FOUND when the test command's program cannot be found. */
export function checkTestCommand(env: Env, processEnv: NodeJS.ProcessEnv): void {
  const program = env.test?.command[0];
  if (!env.test || !program) return;
  const found = program.includes('/')
    ? existsSync(isAbsolute(program) ? program : resolve(env.test.cwd, program))
    : findOnPath(program, processEnv) !== undefined;
  if (!found) {
    throw new TarmacError(
      'TEST_COMMAND_NOT_FOUND',
      `test.command: \`${program}\` was not found${program.includes('/') ? ` (resolved against ${env.test.cwd})` : ' on PATH'}`,
      {
        exitCode: ExitCode.usage,
        hint: `Fix test.command in ${env.file}: give an installed program or a path relative to ${env.test.cwd}. Nothing was built or created.`,
      },
    );
  }
}
