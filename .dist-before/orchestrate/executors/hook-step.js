import { CancelledError, ExitCode, InternalError, TarmacError } from "../../errors/errors.js";
import { describeFailure } from "../../exec/describe.js";
import { formatCommand } from "../../exec/format-command.js";
import { shownPath } from "../../junit/read.js";
import { endpointEnv } from "./test-suite-env.js";
const TAIL_LINES = 20;
async function runHookStep(env, target, runner, subject, ctx) {
  const { group, hook } = findHook(env, subject);
  const endpoints = await target.endpoints(ctx.signal);
  const [program, ...args] = hook.command;
  if (program === void 0) throw new InternalError(`hook ${subject} has an empty command`);
  const result = await runner(program, args, {
    cwd: hook.cwd,
    // The hook's own env wins, as test.env does over what tarmac computed.
    env: {
      ...target.testEnv(),
      ...endpointEnv(endpoints),
      TARMAC_GROUP: group.name,
      ...group.namespace ? { TARMAC_NAMESPACE: group.namespace } : {},
      ...hook.env
    },
    signal: ctx.signal,
    tailLines: TAIL_LINES,
    onLine: (line) => ctx.output(line)
  });
  const shown = formatCommand(program, args);
  if (result.spawnError !== void 0) {
    const where = program.includes("/") ? `a relative path is resolved against ${shownPath(hook.cwd, env.dir)}` : "a bare name is looked up on PATH";
    throw new TarmacError(
      "HOOK_COMMAND_NOT_FOUND",
      `hook ${subject} could not start ${program}: ${result.spawnError}`,
      {
        exitCode: ExitCode.usage,
        hint: `install ${program} or fix the hook's command in tarmac.yaml (${where})`
      }
    );
  }
  if (result.cancelled) throw new CancelledError(`hook ${subject} was cancelled: ${shown}`);
  if (!result.ok)
    throw new TarmacError("HOOK_FAILED", `hook ${subject} failed: ${describeFailure(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: `its last output lines are above; run it by hand against the live env (\`tarmac status\` lists the endpoints): ${shown}`,
      details: result.tail.slice(-TAIL_LINES)
    });
  return { state: "succeeded", detail: `${shown} exited 0` };
}
function findHook(env, subject) {
  const slash = subject.indexOf("/");
  const group = env.deploy.find((g) => g.name === subject.slice(0, slash));
  const name = subject.slice(slash + 1);
  const hook = group?.hooks?.before.find((h) => h.name === name) ?? group?.hooks?.after.find((h) => h.name === name);
  if (!group || !hook) throw new InternalError(`hook step ${subject} planned without its hook in tarmac.yaml`);
  return { group, hook };
}
export {
  runHookStep
};
//# sourceMappingURL=hook-step.js.map
