function buildTimeline(events, expected) {
  const startedAt = events.find((e) => e.type === "run.started")?.at ?? events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? startedAt;
  const endAt = events.find((e) => e.type === "run.finished")?.at ?? last;
  const off = (at) => Math.max(0, at - startedAt);
  const lanes = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  const lastEnd = /* @__PURE__ */ new Map();
  const markers = [];
  const lane = (stepId) => {
    let l = lanes.get(stepId);
    if (!l) {
      l = {
        stepId,
        kind: stepId.split(":")[0] ?? "",
        subject: stepId.split(":").slice(1).join(":"),
        attempts: [],
        state: "pending",
        queuedMs: 0
      };
      lanes.set(stepId, l);
    }
    return l;
  };
  for (const e of events) {
    if (e.type === "run.started") {
      for (const s of e.steps) {
        Object.assign(lane(s.id), { kind: s.kind, subject: s.subject });
        deps.set(s.id, s.deps);
      }
    } else if (e.type === "step.started") {
      const l = lane(e.stepId);
      const previous = l.attempts.at(-1);
      const readyAt = previous?.endMs !== void 0 ? previous.endMs : Math.max(0, ...(deps.get(e.stepId) ?? []).map((d) => off(lastEnd.get(d) ?? startedAt)));
      l.attempts.push({
        attempt: e.attempt,
        readyMs: Math.min(readyAt, off(e.at)),
        startMs: off(e.at),
        state: "running"
      });
      l.state = "running";
    } else if (e.type === "step.finished") {
      const l = lane(e.stepId);
      const open = l.attempts.at(-1);
      const extra = { ...e.detail === void 0 ? {} : { detail: e.detail }, ...e.error ? { error: e.error } : {} };
      if (open && open.endMs === void 0) Object.assign(open, { endMs: off(e.at), state: e.state, ...extra });
      else l.settledMs = off(e.at);
      l.state = e.state;
      if (e.detail !== void 0) l.detail = e.detail;
      lastEnd.set(e.stepId, e.at);
    } else if (e.type === "incident") {
      markers.push({
        type: "incident",
        atMs: off(e.at),
        label: e.kind,
        message: `${e.message}; ${e.action}`,
        stepIds: e.stepIds,
        evidence: e.evidence
      });
    } else if (e.type === "probe") {
      markers.push({
        type: "probe",
        atMs: off(e.at),
        label: e.ok ? "probe ok" : "probe failed",
        message: `engine probe: ${e.detail} (${e.durationMs}ms)`,
        stepIds: e.stepId ? [e.stepId] : [],
        ok: e.ok,
        evidence: []
      });
    }
  }
  const endMs = off(endAt);
  for (const l of lanes.values()) finishLane(l, endMs, expected[l.stepId]);
  return { startedAt, endMs, lanes: [...lanes.values()], markers };
}
function finishLane(l, endMs, expectedMs) {
  if (l.attempts.length > 0) {
    l.actualMs = l.attempts.reduce((sum, a) => sum + ((a.endMs ?? endMs) - a.startMs), 0);
    l.queuedMs = l.attempts.reduce((sum, a) => sum + (a.startMs - a.readyMs), 0);
  }
  if (expectedMs !== void 0) {
    l.expectedMs = expectedMs;
    if (l.actualMs !== void 0) l.deltaMs = l.actualMs - expectedMs;
  }
}
export {
  buildTimeline
};
//# sourceMappingURL=timeline.js.map
