class StepTable {
  rows = /* @__PURE__ */ new Map();
  /** Applies one event to the rows. */
  apply(event) {
    switch (event.type) {
      case "run.started":
        for (const s of event.steps) this.rows.set(s.id, { id: s.id, kind: s.kind, state: "pending" });
        return;
      case "step.started": {
        const row = this.rows.get(event.stepId);
        if (row) Object.assign(row, { state: "running", startedAt: event.at });
        return;
      }
      case "step.output": {
        const row = this.rows.get(event.stepId);
        if (row && event.line.trim()) row.lastLine = event.line;
        return;
      }
      case "step.finished": {
        const row = this.rows.get(event.stepId);
        if (row)
          Object.assign(row, {
            state: event.state,
            durationMs: event.durationMs,
            detail: event.error?.message ?? event.detail
          });
        return;
      }
      default:
        return;
    }
  }
}
export {
  StepTable
};
//# sourceMappingURL=step-table.js.map
