import { Command, CommanderError } from "commander";
import { declareRunCommands } from "./declare/run.js";
import { declareTriageCommands } from "./declare/triage.js";
import { declareReportCommands } from "./declare/report.js";
import { declareHistoryCommands } from "./declare/history.js";
import { declareCiCommands } from "./declare/ci.js";
import { tarmacVersion } from "../version.js";
import { processIo } from "./io.js";
import { exitCodeOf, renderError } from "./render-error.js";
import { colorsFor } from "../ui/colors.js";
import { ExitCode } from "../errors/errors.js";
import { interruptionOf } from "./signals.js";
import { makeRedactor } from "../redact/redactor.js";
import { secretValues } from "../redact/env-secrets.js";
async function main(argv, io = processIo()) {
  let code = ExitCode.ok;
  const program = new Command().name("tarmac").description("Fast, crash-proof, self-explaining end-to-end test environments").version(tarmacVersion()).exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const declare of [
    declareRunCommands,
    declareTriageCommands,
    declareReportCommands,
    declareHistoryCommands,
    declareCiCommands
  ]) {
    declare(program, {
      io,
      setCode: (c) => {
        code = c;
      }
    });
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const shown = interruptionOf(err) ?? err;
    io.stderr.write(
      makeRedactor(secretValues(void 0, io.env))(
        renderError(shown, io.cwd, colorsFor(Boolean(io.stderr.isTTY), io.env))
      )
    );
    return exitCodeOf(shown);
  }
}
export {
  main
};
//# sourceMappingURL=main.js.map
