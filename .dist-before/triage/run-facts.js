import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readJournal } from "../journal/reader.js";
import { eventsFile, stepLogName, stepsDir } from "../journal/run-dir.js";
const STEP_LOG_LINES = 40;
function readRunFacts(runDir, env, target, thrown, warn) {
  const events = runDir && existsSync(eventsFile(runDir)) ? readJournal(runDir, warn) : [];
  const started = events.find((e) => e.type === "run.started");
  const facts = { events, stepLogs: runDir ? stepLogs(runDir, started?.steps.map((s) => s.id) ?? []) : {} };
  const runId = events[0]?.runId;
  if (runId) facts.runId = runId;
  if (started) facts.command = started.command;
  if (env) {
    facts.env = {
      name: env.name,
      clusterName: env.cluster.name,
      target,
      ...env.cluster.kindConfig ? { kindConfig: env.cluster.kindConfig } : {},
      ...env.registry?.url ? { registryUrl: env.registry.url } : {}
    };
  }
  if (thrown) facts.thrown = thrown;
  return facts;
}
function stepLogs(runDir, stepIds) {
  const dir = stepsDir(runDir);
  if (!existsSync(dir)) return {};
  const byFile = new Map(stepIds.map((id) => [stepLogName(id), id]));
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".log")).sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n").filter((l) => l !== "");
    out[byFile.get(file) ?? file.slice(0, -".log".length)] = lines.slice(-STEP_LOG_LINES);
  }
  return out;
}
export {
  STEP_LOG_LINES,
  readRunFacts,
  stepLogs
};
//# sourceMappingURL=run-facts.js.map
