import { recentRuns } from "../../history/query.js";
import { durationText, incidentsText, outcomeText, testsText, whenText } from "../../history/format.js";
import { table } from "../../ui/text-table.js";
import { safeText } from "../../ui/safe-text.js";
import { noHistoryText, withHistory } from "../../history/read-history.js";
import { readRunOwner } from "../../reconcile/owner.js";
import { liveness, systemProcessProbe } from "../../reconcile/liveness.js";
import { loadCommandConfig } from "../load-config.js";
async function historyCommand(opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const runs = withHistory(env.historyPath, (db) => recentRuns(db, env.name, opts.limit ?? 20)) ?? [];
  const probe = systemProcessProbe();
  const state = (run) => {
    const owner = run.outcome === null && !run.abandoned ? readRunOwner(`${env.stateDir}/runs/${run.id}`) : void 0;
    return owner && liveness(owner, probe).state !== "dead" ? "running" : "dead";
  };
  if (opts.json) {
    const out = runs.map((r) => ({ ...r, status: outcomeText(r, state(r)) }));
    io.stdout.write(`${JSON.stringify({ env: env.name, history: env.historyPath, runs: out }, null, 2)}
`);
    return 0;
  }
  if (runs.length === 0) {
    io.stdout.write(safeText(noHistoryText(env.historyPath, env.name)));
    return 0;
  }
  const rows = runs.map((r) => [
    whenText(r.started),
    r.command ?? "?",
    outcomeText(r, state(r)),
    durationText(r.setupMs),
    durationText(r.finished === null ? null : r.finished - r.started),
    testsText(r.tests),
    incidentsText(r.incidents),
    r.id
  ]);
  io.stdout.write(historyText(env, rows));
  return 0;
}
function historyText(env, rows) {
  const heading = `${safeText(env.name)}: last ${rows.length} run${rows.length === 1 ? "" : "s"} (${safeText(env.historyPath)})`;
  return `${heading}
${table(["when", "command", "outcome", "setup", "total", "tests", "incidents", "run"], rows)}
`;
}
export {
  historyCommand,
  historyText
};
//# sourceMappingURL=history.js.map
