import { runCommand } from "../../exec/run-command.js";
import { ExitCode } from "../../errors/errors.js";
import { makeRedactor } from "../../redact/redactor.js";
import { secretValues } from "../../redact/env-secrets.js";
import { unhealthyRows } from "../../triage/status-table.js";
import { statusLines } from "../../triage/render-text.js";
import { triageRun } from "../../triage/triage-run.js";
import { colorsFor } from "../../ui/colors.js";
import { safeDeep, safeText } from "../../ui/safe-text.js";
import { loadCommandConfig } from "../load-config.js";
import { rootSignal } from "../signals.js";
import { engineForTriage } from "../triage-engine.js";
async function doctorCommand(opts, io) {
  const env = (await loadCommandConfig(opts, io.cwd, "if-present"))?.env;
  const root = rootSignal(() => void 0);
  try {
    const engine = await engineForTriage(env?.engine ?? { type: "auto" }, runCommand, io.env);
    const result = await triageRun({
      ...env ? { env } : {},
      ...engine ? { engine } : {},
      runner: runCommand,
      signal: root.signal,
      processEnv: io.env,
      redact: makeRedactor(secretValues(env, io.env))
    });
    const healthy = unhealthyRows(result.status).length === 0 && result.verdicts.length === 0;
    if (opts.json) io.stdout.write(`${JSON.stringify({ healthy, env: env?.name ?? null, ...result }, null, 2)}
`);
    else io.stdout.write(doctorText(result, healthy, env?.name, colorsFor(Boolean(io.stdout.isTTY), io.env)));
    return healthy ? ExitCode.ok : ExitCode.environment;
  } finally {
    root.dispose();
  }
}
function doctorText(triaged, healthy, envName, c) {
  const result = safeDeep(triaged);
  const out = [
    c.dim(envName ? `env ${safeText(envName)}` : "no tarmac.yaml here: engine, machine, disk and memory only"),
    ...statusLines(result.status, c),
    ""
  ];
  for (const v of result.verdicts) {
    out.push(
      `${c.bold("verdict:")} ${c.red(v.title)} ${c.dim(`(confidence ${Math.round(v.confidence * 100)}%)`)}`,
      `  ${v.summary}`
    );
    out.push(...v.evidence.slice(0, 5).map((e) => `    - ${e}`), ...v.actions.map((a) => `    ${c.cyan(a)}`));
  }
  out.push(
    healthy ? c.green("healthy") : c.red(
      `not healthy: ${unhealthyRows(result.status).map((r) => r.component).join(", ") || "see the verdicts above"}`
    )
  );
  return `${out.join("\n")}
`;
}
export {
  doctorCommand,
  doctorText
};
//# sourceMappingURL=doctor.js.map
