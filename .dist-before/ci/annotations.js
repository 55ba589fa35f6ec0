import { workflowCommand } from "./escape.js";
const MAX_TEST_ANNOTATIONS = 10;
function renderAnnotations(run, github) {
  return annotationsOf(run).map((a) => github ? workflowCommand(a.level, a, a.message) : plainLine(a));
}
function annotationsOf(run) {
  const out = [];
  for (const step of run.steps) {
    if (step.state !== "failed") continue;
    const message = [
      step.error?.message ?? step.detail ?? "failed",
      ...step.error?.hint ? [`hint: ${step.error.hint}`] : []
    ].join("\n");
    out.push({
      level: "error",
      file: run.configFile,
      ...step.line !== void 0 ? { line: step.line } : {},
      title: `tarmac ${run.command}: ${step.id} failed${step.error ? ` [${step.error.code}]` : ""}`,
      message
    });
  }
  const failing = run.tests?.failing ?? [];
  for (const c of failing.slice(0, MAX_TEST_ANNOTATIONS)) {
    out.push({
      level: "error",
      ...c.file !== void 0 ? { file: c.file } : {},
      title: `test ${c.status === "error" ? "error" : "failed"}: ${c.id}`,
      message: c.message ?? `${c.id} ${c.status}`
    });
  }
  if (failing.length > MAX_TEST_ANNOTATIONS) {
    out.push({
      level: "warning",
      title: "more failing tests",
      message: `${failing.length - MAX_TEST_ANNOTATIONS} more failing test(s); see the job summary or the JUnit report`
    });
  }
  const verdict = run.triage?.verdicts[0];
  if (verdict) {
    const actions = verdict.actions.map((a) => `- ${a}`);
    out.push({
      level: "error",
      title: `tarmac triage: ${verdict.title} (${percent(verdict.confidence)} confidence)`,
      message: [verdict.summary, ...actions.length > 0 ? ["actions:", ...actions] : []].join("\n")
    });
  } else if (run.triage?.unclassified) {
    out.push({
      level: "warning",
      title: "tarmac triage: unclassified",
      message: [run.triage.unclassified.summary, ...run.triage.unclassified.abnormal.map((a) => `- ${a}`)].join("\n")
    });
  }
  return out;
}
function plainLine(a) {
  const where = a.file !== void 0 ? `${a.file}${a.line !== void 0 ? `:${a.line}` : ""}: ` : "";
  return `${a.level}: ${where}${a.title}: ${a.message.split("\n").join("\n    ")}`;
}
function percent(confidence) {
  return `${Math.round(confidence * 100)}%`;
}
export {
  MAX_TEST_ANNOTATIONS,
  percent,
  renderAnnotations
};
//# sourceMappingURL=annotations.js.map
