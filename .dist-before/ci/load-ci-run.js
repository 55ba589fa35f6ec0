import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { readJournal } from "../journal/reader.js";
import { parseJUnit } from "../junit/junit.js";
import { readTriageFile } from "../triage/triage-file.js";
import { stepConfigLines } from "./config-lines.js";
import { junitCopyFile, triageFiles } from "../journal/run-dir.js";
function loadCiRun(input) {
  const events = readJournal(input.runDir);
  const started = events.find((e) => e.type === "run.started");
  const finished = events.findLast((e) => e.type === "run.finished");
  const steps = foldSteps(events, started?.at ?? events[0]?.at ?? 0);
  const configText = readOptional(input.configFile);
  const lines = configText === void 0 ? /* @__PURE__ */ new Map() : stepConfigLines(
    configText,
    steps.map((s) => s.id)
  );
  for (const step of steps) {
    const line = lines.get(step.id);
    if (line !== void 0) step.line = line;
  }
  const { triage } = readTriageFile(triageFiles(input.runDir).json);
  const tests = foldTests(events, junitFiles(input), input.testCwd ?? input.repoRoot, input.repoRoot);
  return {
    runId: input.runId,
    command: started?.type === "run.started" ? started.command : "run",
    outcome: finished?.type === "run.finished" ? finished.outcome : "unfinished",
    ...finished?.type === "run.finished" ? { durationMs: finished.durationMs } : {},
    configFile: relative(input.repoRoot, input.configFile) || input.configFile,
    steps,
    ...tests ? { tests } : {},
    ...triage ? { triage } : {},
    links: input.links ?? []
  };
}
function foldSteps(events, t0) {
  const steps = /* @__PURE__ */ new Map();
  const get = (id) => steps.get(id) ?? (steps.set(id, { id, state: "pending" }), steps.get(id));
  for (const e of events) {
    if (e.type === "run.started") for (const s of e.steps) get(s.id);
    if (e.type === "step.started") {
      const step = get(e.stepId);
      step.state = "running";
      step.startMs ??= e.at - t0;
    }
    if (e.type === "step.finished") {
      const step = get(e.stepId);
      step.state = e.state;
      step.durationMs = step.startMs !== void 0 ? e.at - t0 - step.startMs : e.durationMs;
      if (e.detail !== void 0) step.detail = e.detail;
      if (e.error !== void 0) step.error = e.error;
    }
  }
  return [...steps.values()];
}
function foldTests(events, junit, testCwd, repoRoot) {
  const reported = events.findLast((e) => e.type === "tests.reported");
  if (reported?.type !== "tests.reported") return void 0;
  const files = junit === void 0 ? /* @__PURE__ */ new Map() : caseFiles(junit);
  const failing = reported.cases.filter((c) => c.status === "failed" || c.status === "error").map((c) => {
    const file = files.get(c.id);
    return {
      id: c.id,
      status: c.status,
      ...c.message !== void 0 ? { message: c.message } : {},
      ...file !== void 0 ? { file: relative(repoRoot, resolve(testCwd, file)) } : {}
    };
  });
  return { totals: reported.totals, failing };
}
function junitFiles(input) {
  const copy = junitCopyFile(input.runDir);
  return existsSync(copy) ? copy : input.junitFile !== void 0 && existsSync(input.junitFile) ? input.junitFile : void 0;
}
function caseFiles(file) {
  try {
    const report = parseJUnit(readFileSync(file, "utf8"), file);
    return new Map(report.cases.filter((c) => c.file !== void 0).map((c) => [c.id, c.file]));
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
function readOptional(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
export {
  loadCiRun
};
//# sourceMappingURL=load-ci-run.js.map
