function memoEngineInfo(engine, signal) {
  let pending;
  return () => {
    pending ??= engine ? engine.info(signal) : Promise.reject(new Error("no container engine"));
    pending.catch(() => void 0);
    return pending;
  };
}
const ENGINE_PROBE_MS = 4e3;
function memoEngineHealth(engine, signal) {
  let pending;
  return () => pending ??= engine ? engine.health(ENGINE_PROBE_MS, signal) : Promise.resolve({ ok: false, detail: "no container engine", durationMs: 0 });
}
async function requireEngine(ctx) {
  const health = await ctx.engineHealth();
  if (!health.ok) throw new Error(`not checked: the engine does not answer (${health.detail})`);
}
export {
  ENGINE_PROBE_MS,
  memoEngineHealth,
  memoEngineInfo,
  requireEngine
};
//# sourceMappingURL=context.js.map
