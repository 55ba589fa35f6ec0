function runEngine(engine) {
  return { type: engine.name, endpoint: engine.endpoint };
}
function emitRunStarted(bus, start, plan) {
  bus.emit({
    type: "run.started",
    command: start.command,
    capacity: start.capacity,
    target: start.target,
    engine: start.engine,
    steps: plan.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      subject: s.subject,
      deps: s.deps,
      claims: s.claims,
      cached: s.cached,
      estimateMs: s.estimateMs,
      priority: s.priority
    }))
  });
}
export {
  emitRunStarted,
  runEngine
};
//# sourceMappingURL=run-events.js.map
