// Checks that must pass before `up` creates anything, so bad input never leaves a half-created env behind.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Env } from '../config/types.js';
import { findOnPath } from '../engines/find-on-path.js';
import { TarmacError, ExitCode } from '../errors/errors.js';
import { engineVersion } from '../engines/engine-version.js';
import type { ContainerEngine } from '../engines/types.js';
import type { RenderedGroup } from '../kube/types.js';
import { deployCheck, manifestProblemsError } from '../targets/deploy-check.js';
import type { TargetType } from '../targets/types.js';

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

/**
 * Throws MANIFEST_PROBLEMS (exit 2) when the target would refuse anything in the env's rendered groups: the check
 * `tarmac validate` runs (targets/deploy-check.ts), here on what `up` is about to deploy, before anything is created.
 * The podman version is asked of the run's engine only when a pod reads a Secret; what could not be checked is a note.
 */
export async function checkDeployable(input: {
  env: Env;
  target: TargetType;
  groups: ReadonlyMap<string, RenderedGroup>;
  engine: ContainerEngine;
  signal: AbortSignal;
  note: (line: string) => void;
}): Promise<void> {
  const { problems, notes } = await deployCheck({
    target: input.target,
    env: input.env.name,
    groups: [...input.groups.values()],
    after: new Map(input.env.deploy.map((g) => [g.name, g.after])),
    askPodmanVersion: () => engineVersion(input.engine, input.signal),
  });
  for (const line of notes) input.note(line);
  if (problems.length > 0) throw manifestProblemsError(problems, input.target);
}
