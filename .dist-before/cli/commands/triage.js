import { safeDeep } from "../../ui/safe-text.js";
import { runCommand } from "../../exec/run-command.js";
import { makeRedactor } from "../../redact/redactor.js";
import { secretValues } from "../../redact/env-secrets.js";
import { resolveRun } from "../../journal/find-run.js";
import { renderTriageText } from "../../triage/render-text.js";
import { triageFiles } from "../../journal/run-dir.js";
import { triageRun } from "../../triage/triage-run.js";
import { colorsFor } from "../../ui/colors.js";
import { warnTo } from "../warn.js";
import { loadCommandConfig } from "../load-config.js";
import { rootSignal } from "../signals.js";
import { engineForTriage } from "../triage-engine.js";
async function triageCommand(runId, opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const runDir = resolveRun(env.stateDir, runId, io.cwd).dir;
  const redact = makeRedactor(secretValues(env, io.env));
  const root = rootSignal(() => void 0);
  try {
    const engine = await engineForTriage(env.engine, runCommand, io.env);
    const result = await triageRun({
      env,
      ...engine ? { engine } : {},
      runner: runCommand,
      runDir,
      signal: root.signal,
      processEnv: io.env,
      redact,
      warn: warnTo(io.stderr, redact)
    });
    if (opts.json) io.stdout.write(`${JSON.stringify(result, null, 2)}
`);
    else
      io.stdout.write(
        renderTriageText(safeDeep(result), {
          colors: colorsFor(Boolean(io.stdout.isTTY), io.env),
          markdownPath: triageFiles(runDir).markdown,
          withTable: true
        })
      );
    return 0;
  } finally {
    root.dispose();
  }
}
export {
  triageCommand
};
//# sourceMappingURL=triage.js.map
