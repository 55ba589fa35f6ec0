import { planUp } from "../plan/up-plan.js";
import { runPlan } from "./scheduler.js";
import { asPullOnly, presentOnTarget, resolveImages, withCachedDetails } from "./resolve-images.js";
import { shardRequest, withShard } from "./executors/test-shard.js";
import { emitRunStarted, runEngine } from "./run-events.js";
import { renderDeployGroups } from "./render-groups.js";
import { checkTestCommand } from "./preflight.js";
import { stepDispatcher } from "./executors/dispatch.js";
import { engineWatchDeps } from "./recovery-wiring.js";
import { clearEnvState, writeEnvState } from "./env-state.js";
import { testReporting } from "./executors/test-report.js";
import { removeAfterInterrupt } from "../reconcile/teardown-on-interrupt.js";
async function up(options) {
  const { env, engine, target, bus, signal } = options;
  const started = Date.now();
  if (options.withTest) checkTestCommand(env, options.processEnv);
  const resolved = await resolveImages(env, engine, signal, {
    pull: Boolean(options.pullOnly),
    processEnv: options.processEnv,
    ...options.refs ? { refs: options.refs.images } : {}
  });
  const groups = await renderDeployGroups(env, resolved.refs, options.runner);
  const images = options.pullOnly ? asPullOnly(resolved, groups, options.refs?.path) : resolved;
  const plan = withCachedDetails(
    planUp(env, {
      target: target.type,
      cachedImages: new Set(images.cached.keys()),
      presentOnTarget: presentOnTarget(target, images),
      groupImages: new Map([...groups].map(([name, g]) => [name, g.images])),
      withTest: options.withTest,
      ...options.durations ? { durations: options.durations } : {}
    }),
    images
  );
  const capacity = options.capacity ?? env.capacity;
  emitRunStarted(bus, { command: "up", capacity, target: target.type, engine: runEngine(engine) }, plan);
  let test;
  const execute = stepDispatcher({
    env,
    engine,
    target,
    runner: options.runner,
    runId: bus.runId,
    version: options.version,
    images,
    groups,
    onTestOutcome: (o) => {
      test = o;
    },
    testReporting: testReporting(env, bus, Object.fromEntries(images.refs), options.processEnv),
    ...withShard(shardRequest(env, bus.runId, options.shard)),
    deployRecords: { stateDir: env.stateDir, runId: bus.runId }
  });
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal,
    execute,
    heartbeatMs: env.timeouts.heartbeat,
    hostGate: options.hostGate,
    ...engineWatchDeps(engine, env, options.heal)
  });
  const removed = summary.outcome === "cancelled" && options.keepOnInterrupt === false ? await removeAfterInterrupt(target, bus) : void 0;
  bus.emit({ type: "run.finished", outcome: summary.outcome, durationMs: summary.durationMs });
  if (removed) clearEnvState(env.stateDir);
  else
    writeEnvState(env.stateDir, {
      target: target.type,
      cluster: target.name,
      runId: bus.runId,
      images: Object.fromEntries(images.refs),
      outcome: summary.outcome,
      at: (/* @__PURE__ */ new Date()).toISOString()
    });
  return { summary, refs: images.refs, ...test ? { test } : {}, durationMs: Date.now() - started };
}
export {
  up
};
//# sourceMappingURL=up.js.map
