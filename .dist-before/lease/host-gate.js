function hostGate(lease, bus) {
  return (step, ctx) => {
    if (step.claims.engine <= 0) return void 0;
    let said;
    let waited = false;
    const onWait = (wait) => {
      const line = waitLine(wait, bus.runId);
      if (!waited)
        bus.emit({
          type: "decision",
          message: `${step.id} waits for the host engine lease: ${line.replace(/^waiting for the engine: /, "")}`
        });
      waited = true;
      if (line !== said) ctx.output(line);
      said = line;
    };
    return lease.acquire(step.claims.engine, step.id, ctx.signal, onWait).then((grant) => {
      if (waited)
        ctx.output(
          `engine lease granted: ${step.claims.engine} unit${step.claims.engine === 1 ? "" : "s"} of ${lease.capacity()}`
        );
      return () => grant.release();
    });
  };
}
function waitLine(wait, runId) {
  const held = whose(wait.holders, runId);
  const queued = wait.queued.length > 0 ? `; queued behind ${whose(wait.queued, runId)}` : "";
  return `waiting for the engine: ${wait.inUse} of ${wait.capacity} units in use${held ? ` by ${held}` : ""}${queued}`;
}
function whose(rows, runId) {
  const mine = rows.filter((h) => h.runId === runId);
  const others = rows.filter((h) => h.runId !== runId);
  const parts = [];
  if (others.length > 0) parts.push(`other tarmac runs (${describeRuns(others)})`);
  if (mine.length > 0) parts.push(`this run (${mine.map((h) => `${h.stepId} ${h.units}`).join(", ")})`);
  return parts.join(" and ");
}
function describeRuns(rows) {
  const byRun = /* @__PURE__ */ new Map();
  for (const row of rows) byRun.set(row.runId, [...byRun.get(row.runId) ?? [], row]);
  return [...byRun.values()].map((run) => `pid ${run[0].pid} env ${run[0].env}: ${run.map((h) => `${h.stepId} ${h.units}`).join(", ")}`).join("; ");
}
export {
  hostGate,
  waitLine
};
//# sourceMappingURL=host-gate.js.map
