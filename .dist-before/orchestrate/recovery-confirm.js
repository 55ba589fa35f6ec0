import { describeHealth } from "../watch/probe.js";
async function checkSuspectedCrash(probe, stepId, before, readInstance) {
  const health = await probe(stepId);
  const instance = readInstance?.();
  const probed = `engine probe after ${stepId} failed: ${describeHealth(health)}`;
  if (!health.ok) return { crashed: true, health, instance, fact: probed };
  if (instance !== before)
    return { crashed: true, health, instance, fact: `${probed}; the API service restarted (its socket is new)` };
  const same = before === void 0 ? "no sign it restarted" : "same API service (its socket is unchanged)";
  return {
    crashed: false,
    health,
    instance,
    fact: `${probed}; ${same}: not an engine crash, ${stepId} failed on its own (no pause, no retry, capacity unchanged)`
  };
}
export {
  checkSuspectedCrash
};
//# sourceMappingURL=recovery-confirm.js.map
