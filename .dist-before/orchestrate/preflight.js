import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { findOnPath } from "../engines/find-on-path.js";
import { TarmacError, ExitCode } from "../errors/errors.js";
function checkTestCommand(env, processEnv) {
  const program = env.test?.command[0];
  if (!env.test || !program) return;
  const found = program.includes("/") ? existsSync(isAbsolute(program) ? program : resolve(env.test.cwd, program)) : findOnPath(program, processEnv) !== void 0;
  if (!found) {
    throw new TarmacError(
      "TEST_COMMAND_NOT_FOUND",
      `test.command: \`${program}\` was not found${program.includes("/") ? ` (resolved against ${env.test.cwd})` : " on PATH"}`,
      {
        exitCode: ExitCode.usage,
        hint: `Fix test.command in ${env.file}: give an installed program or a path relative to ${env.test.cwd}. Nothing was built or created.`
      }
    );
  }
}
export {
  checkTestCommand
};
//# sourceMappingURL=preflight.js.map
