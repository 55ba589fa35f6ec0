import { stepLogName } from "../../journal/run-dir.js";
function planned(run) {
  const steps = /* @__PURE__ */ new Map();
  for (const e of run.events)
    if (e.type === "run.started") for (const s of e.steps) steps.set(s.id, { kind: s.kind, subject: s.subject });
  return steps;
}
function kindOf(run, stepId) {
  const known = planned(run).get(stepId)?.kind;
  if (known) return known;
  const prefix = stepId.split(":")[0];
  return ["build", "cluster", "deliver", "deploy", "hook", "test"].find((k) => k === prefix);
}
function failedSteps(run) {
  const last = /* @__PURE__ */ new Map();
  for (const e of run.events) if (e.type === "step.finished") last.set(e.stepId, e);
  const plan = planned(run);
  return [...last.values()].filter((e) => e.state === "failed").sort((a, b) => a.at - b.at).map((e) => ({
    stepId: e.stepId,
    kind: kindOf(run, e.stepId),
    subject: plan.get(e.stepId)?.subject,
    at: e.at,
    error: e.error
  })).concat(thrownStep(run));
}
function thrownStep(run) {
  const t = run.thrown;
  if (!t) return [];
  const kind = KIND_BY_CODE.find(([re]) => re.test(t.code))?.[1];
  const at = run.events.findLast((e) => e.type === "run.finished")?.at ?? run.events.at(-1)?.at ?? 0;
  return [
    {
      stepId: "run",
      kind,
      subject: void 0,
      at,
      error: t
    }
  ];
}
const KIND_BY_CODE = [
  [/^(CLUSTER_|KIND_NOT|NODE_)/, "cluster"],
  [/^(DEPLOY_|IMAGE_PULL|CONTAINER_START)/, "deploy"],
  [/^(BUILD_|CONTEXT_|CONTAINERFILE_)/, "build"],
  [/^(TEST|JUNIT)/, "test"],
  [/^HOOK_/, "hook"]
];
function allFailures(run) {
  const plan = planned(run);
  return run.events.flatMap(
    (e) => e.type === "step.finished" && e.state === "failed" ? [
      {
        stepId: e.stepId,
        kind: kindOf(run, e.stepId),
        subject: plan.get(e.stepId)?.subject,
        at: e.at,
        error: e.error
      }
    ] : []
  );
}
function incidents(run, ...kinds) {
  return run.events.filter(
    (e) => e.type === "incident" && (kinds.length === 0 || kinds.includes(e.kind))
  );
}
function testsReported(run) {
  return run.events.filter((e) => e.type === "tests.reported").at(-1);
}
function outcome(run) {
  const finished = run.events.findLast((e) => e.type === "run.finished");
  return finished?.type === "run.finished" ? finished.outcome : void 0;
}
function startCapacity(run) {
  const started = run.events.find((e) => e.type === "run.started");
  return started?.type === "run.started" ? started.capacity : void 0;
}
function errorFact(step, type) {
  const fact = step.error?.fact;
  return fact !== void 0 && isFact(fact, type) ? fact : void 0;
}
function isFact(fact, type) {
  return fact.type === type;
}
function stepLines(run, step) {
  const lines = [];
  if (step.error) {
    lines.push({ source: `${step.stepId} [${step.error.code}]`, text: step.error.message, part: "message" });
    for (const t of step.error.tail ?? []) lines.push({ source: `${step.stepId} output`, text: t, part: "tail" });
  }
  for (const t of run.stepLogs[step.stepId] ?? [])
    lines.push({ source: `steps/${stepLogName(step.stepId)}`, text: t, part: "log" });
  return lines;
}
export {
  allFailures,
  errorFact,
  failedSteps,
  incidents,
  kindOf,
  outcome,
  planned,
  startCapacity,
  stepLines,
  testsReported
};
//# sourceMappingURL=journal-facts.js.map
