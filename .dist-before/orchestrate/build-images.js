import { planBuild } from "../plan/build-plan.js";
import { runPlan } from "./scheduler.js";
import { imageBuildExecutor, resolveImages, withCachedDetails } from "./resolve-images.js";
import { emitRunStarted, runEngine } from "./run-events.js";
import { engineWatchDeps } from "./recovery-wiring.js";
async function buildImages(options) {
  const { env, engine, bus, signal } = options;
  const started = Date.now();
  const resolved = await resolveImages(env, engine, signal, {
    push: Boolean(options.push),
    ...options.processEnv ? { processEnv: options.processEnv } : {}
  });
  const plan = withCachedDetails(
    planBuild(env, {
      cachedImages: new Set(resolved.cached.keys()),
      ...options.only ? { only: options.only } : {},
      ...options.durations ? { durations: options.durations } : {}
    }),
    resolved
  );
  const capacity = options.capacity ?? env.capacity;
  emitRunStarted(bus, { command: "build", capacity, target: "none", engine: runEngine(engine) }, plan);
  const execute = imageBuildExecutor(env, engine, resolved, { runId: bus.runId, version: options.version });
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal,
    execute,
    heartbeatMs: env.timeouts.heartbeat,
    hostGate: options.hostGate,
    ...engineWatchDeps(engine, env, options.heal)
  });
  bus.emit({ type: "run.finished", outcome: summary.outcome, durationMs: summary.durationMs });
  const subjects = new Set(plan.steps.map((s) => s.subject));
  const images = [...resolved.refs].filter(([name]) => subjects.has(name)).map(([name, ref]) => ({ name, ref }));
  return { summary, images, durationMs: Date.now() - started };
}
export {
  buildImages
};
//# sourceMappingURL=build-images.js.map
