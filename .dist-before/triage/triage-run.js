import { writeFile } from "node:fs/promises";
import { PRIVATE_FILE_MODE } from "../files/private.js";
import { triageFiles } from "../journal/run-dir.js";
import { redactDeep } from "../redact/redactor.js";
import { collectEvidence } from "./collect.js";
import { diagnose } from "./diagnose.js";
import { renderTriageMarkdown } from "./render-md.js";
import { toEventError } from "../events/event-error.js";
import { readRunFacts } from "./run-facts.js";
import { statusTable } from "./status-table.js";
import { targetType } from "./target-type.js";
import { writeTriageInput } from "./triage-input-file.js";
async function triageRun(opts) {
  const now = opts.now ?? Date.now;
  const started = now();
  const preliminary = readRunFacts(opts.runDir, opts.env, "podman", void 0, opts.warn);
  const target = opts.env ? targetType(opts.env, opts.processEnv, preliminary.events) : "podman";
  const run = readRunFacts(
    opts.runDir,
    opts.env,
    target,
    opts.thrown === void 0 ? void 0 : toEventError(opts.thrown),
    () => void 0
    // the preliminary read above already warned about every bad line
  );
  const evidence = await collectEvidence({
    runner: opts.runner,
    ...opts.engine ? { engine: opts.engine } : {},
    ...opts.env ? { env: opts.env } : {},
    target,
    processEnv: opts.processEnv,
    ...opts.runDir ? { runDir: opts.runDir } : {},
    runFailed: runFailed(run),
    signal: opts.signal,
    redact: opts.redact,
    ...opts.collectTimeoutMs ? { timeoutMs: opts.collectTimeoutMs } : {},
    ...opts.collectors ? { collectors: opts.collectors } : {},
    now
  });
  const diagnosis = diagnose({ evidence, run });
  const collectors = Object.values(evidence).filter((c) => typeof c === "object" && c !== null && "ok" in c).map((c) => ({
    name: c.name,
    ok: c.ok,
    timedOut: c.timedOut,
    durationMs: c.durationMs,
    ...c.error ? { error: c.error } : {},
    ...c.attempts && c.attempts > 1 ? { attempts: c.attempts } : {}
  }));
  const result = redactDeep(
    {
      ...run.runId ? { runId: run.runId } : {},
      generatedAt: now(),
      durationMs: now() - started,
      status: statusTable(evidence),
      verdicts: diagnosis.verdicts,
      ...diagnosis.unclassified ? { unclassified: diagnosis.unclassified } : {},
      collectors
    },
    opts.redact
  );
  if (opts.runDir) {
    const paths = triageFiles(opts.runDir);
    await writeFile(paths.json, `${JSON.stringify(result, null, 2)}
`, { mode: PRIVATE_FILE_MODE });
    await writeFile(paths.markdown, renderTriageMarkdown(result), { mode: PRIVATE_FILE_MODE });
    await writeTriageInput(opts.runDir, { evidence, run }, opts.redact);
  }
  return result;
}
function runFailed(run) {
  if (run.thrown) return true;
  return run.events.some(
    (e) => e.type === "run.finished" && e.outcome === "failed" || e.type === "step.finished" && e.state === "failed"
  );
}
export {
  runFailed,
  triageRun
};
//# sourceMappingURL=triage-run.js.map
