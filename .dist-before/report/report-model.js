import { buildTimeline } from "./timeline.js";
function buildReport(input) {
  const { events } = input;
  const started = events.find((e) => e.type === "run.started");
  const finished = events.find((e) => e.type === "run.finished");
  const timeline = buildTimeline(events, input.expected);
  const counts = {};
  for (const lane of timeline.lanes) counts[lane.state] = (counts[lane.state] ?? 0) + 1;
  const failures = failuresOf(events);
  const t = input.thrown;
  if (t)
    failures.push({
      stepId: "run",
      code: t.code,
      message: t.message,
      ...t.hint ? { hint: t.hint } : {},
      tail: t.tail ?? []
    });
  return {
    runId: events[0]?.runId ?? input.runId ?? "unknown",
    command: started?.command ?? "unknown",
    outcome: finished?.outcome ?? "unfinished",
    abandoned: finished?.abandoned === true,
    startedAt: timeline.startedAt,
    durationMs: finished?.durationMs ?? timeline.endMs,
    counts,
    ...testsOf(events),
    failures,
    ...input.triage ? { triage: input.triage } : {},
    hasHistory: timeline.lanes.some((l) => l.expectedMs !== void 0),
    timeline,
    actions: actionsOf(input.triage, failures)
  };
}
function failuresOf(events) {
  const byStep = /* @__PURE__ */ new Map();
  for (const e of events) {
    if (e.type !== "step.finished") continue;
    if (e.state !== "failed") {
      byStep.delete(e.stepId);
      continue;
    }
    const err = e.error ?? {
      code: "FAILED",
      message: e.detail ?? "failed"
    };
    byStep.set(e.stepId, {
      stepId: e.stepId,
      code: err.code,
      message: err.message,
      ...err.hint ? { hint: err.hint } : {},
      tail: err.tail ?? []
    });
  }
  return [...byStep.values()];
}
function testsOf(events) {
  const reported = events.filter((e) => e.type === "tests.reported").at(-1);
  if (!reported) return {};
  const failing = reported.cases.filter((c) => c.status === "failed" || c.status === "error").map((c) => ({ id: c.id, ...c.message ? { message: c.message.split("\n")[0] } : {} }));
  return { tests: { ...reported.totals, failing } };
}
function actionsOf(triage, failures) {
  const out = [];
  for (const v of triage?.verdicts ?? []) out.push(...v.actions);
  for (const f of failures) if (f.hint) out.push(`${f.stepId}: ${f.hint}`);
  return [...new Set(out)];
}
export {
  buildReport
};
//# sourceMappingURL=report-model.js.map
