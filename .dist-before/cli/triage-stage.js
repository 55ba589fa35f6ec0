import { safeDeep, safeText } from "../ui/safe-text.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { runCommand } from "../exec/run-command.js";
import { renderTriageText } from "../triage/render-text.js";
import { triageFiles } from "../journal/run-dir.js";
import { triageRun } from "../triage/triage-run.js";
import { colorsFor } from "../ui/colors.js";
async function triageStage(input) {
  if (input.outcome !== "failed" || !triageWorthy(input.error)) return void 0;
  const { session, io } = input;
  const out = input.json ? io.stderr : io.stdout;
  try {
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    try {
      const result = await triageRun({
        env: session.env,
        engine: session.engine,
        runner: runCommand,
        runDir: session.journal.dir,
        signal: controller.signal,
        processEnv: io.env,
        redact: session.redact,
        ...input.error === void 0 ? {} : { thrown: input.error }
      });
      out.write(
        `
${renderTriageText(safeDeep(result), { colors: colorsFor(Boolean(out.isTTY), io.env), markdownPath: triageFiles(session.journal.dir).markdown })}`
      );
      return result;
    } finally {
      process.off("SIGINT", onSignal);
    }
  } catch (err) {
    out.write(`triage failed: ${safeText(err instanceof Error ? err.message : String(err))}
`);
    return void 0;
  }
}
function triageWorthy(error) {
  return !(error instanceof TarmacError && (error.exitCode === ExitCode.usage || error.exitCode === ExitCode.interrupted));
}
export {
  triageStage
};
//# sourceMappingURL=triage-stage.js.map
