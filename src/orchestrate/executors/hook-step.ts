// Executor for `hook:<group>/<name>`: runs a deploy group's hook command (argv, no shell) with the same endpoint
// environment as the tests, streaming its output into the step. A non-zero exit fails the step with the output's tail.
import type { ClusterTarget } from '../../targets/types.js';
import type { Env } from '../../config/types.js';
import type { CommandRunner } from '../../exec/types.js';
import { CancelledError, ExitCode, InternalError, TarmacError } from '../../errors/errors.js';
import { describeFailure } from '../../exec/describe.js';
import { formatCommand } from '../../exec/format-command.js';
import { shownPath } from '../../junit/read.js';
import { hookPosition } from './hook-skip.js';
import { endpointEnv } from './test-suite-env.js';
import type { StepContext, StepResult } from './types.js';

const TAIL_LINES = 20;

/** Runs the hook named by `subject` (`<group>/<name>`); throws HOOK_COMMAND_NOT_FOUND or HOOK_FAILED. */
export async function runHookStep(
  env: Env,
  target: ClusterTarget,
  runner: CommandRunner,
  subject: string,
  ctx: StepContext,
): Promise<StepResult> {
  const { group, hook } = hookPosition(env, subject);
  const endpoints = await target.endpoints(ctx.signal);
  const [program, ...args] = hook.command;
  if (program === undefined) throw new InternalError(`hook ${subject} has an empty command`);
  // Whatever the hook did to the env, later checks must see it.
  target.forgetStatus?.();
  const result = await runner(program, args, {
    cwd: hook.cwd,
    // The hook's own env wins, as test.env does over what tarmac computed.
    env: {
      ...target.testEnv(),
      ...endpointEnv(endpoints),
      TARMAC_GROUP: group.name,
      ...(group.namespace ? { TARMAC_NAMESPACE: group.namespace } : {}),
      ...hook.env,
    },
    signal: ctx.signal,
    tailLines: TAIL_LINES,
    onLine: (line) => ctx.output(line),
  }).finally(() => target.forgetStatus?.());
  const shown = formatCommand(program, args);
  if (result.spawnError !== undefined) {
    const where = program.includes('/')
      ? `a relative path is resolved against ${shownPath(hook.cwd, env.dir)}`
      : 'a bare name is looked up on PATH';
    throw new TarmacError(
      'HOOK_COMMAND_NOT_FOUND',
      `hook ${subject} could not start ${program}: ${result.spawnError}`,
      {
        exitCode: ExitCode.usage,
        hint: `install ${program} or fix the hook's command in tarmac.yaml (${where})`,
      },
    );
  }
  if (result.cancelled) throw new CancelledError(`hook ${subject} was cancelled: ${shown}`);
  if (!result.ok)
    throw new TarmacError('HOOK_FAILED', `hook ${subject} failed: ${describeFailure(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: `its last output lines are above; run it by hand against the live env (\`tarmac status\` lists the endpoints): ${shown}`,
      details: result.tail.slice(-TAIL_LINES),
    });
  return { state: 'succeeded', detail: `${shown} exited 0` };
}
