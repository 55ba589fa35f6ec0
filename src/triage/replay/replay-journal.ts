// The one place a replay writes a run: tarmac's own `up` path (engine detection, plan, run.started, scheduler with
// its crash recovery and a healthy probe, the real step executors, journal writer and reader) over the stand-in
// world. When the journal event types change, this module and tsc say what to update.
import { detectEngine } from '../../engines/detect.js';
import { EventBus } from '../../events/bus.js';
import { toEventError } from '../../events/event-error.js';
import { openJournal } from '../../journal/writer.js';
import { planUp } from '../../plan/up-plan.js';
import { registryMode } from '../../registry/image-sources.js';
import { stepDispatcher } from '../../orchestrate/executors/dispatch.js';
import { withCachedDetails, type ResolvedImages } from '../../orchestrate/resolve-images.js';
import { emitRunStarted, runEngine } from '../../orchestrate/run-events.js';
import { runPlan } from '../../orchestrate/scheduler.js';
import { readRunFacts } from '../run-facts.js';
import type { RunFacts } from '../types.js';
import type { CorpusCase } from './corpus-case.js';
import { HEALTHY, IMAGE, REF, REGISTRY, type ReplayWorld } from './replay-world.js';

/** RunFacts of the case's failed `up`, read back from the journal it wrote (engine-probe: the error thrown before it). */
export async function replayRun(c: CorpusCase, world: ReplayWorld, signal: AbortSignal): Promise<RunFacts> {
  const { env } = world;
  try {
    // `up` detects the engine before it opens a journal; an engine that does not answer ends it here.
    await detectEngine(env.engine, { runner: world.runner, env: { PATH: world.path }, healthTimeoutMs: 5_000 });
  } catch (error) {
    return readRunFacts(undefined, env, 'kind', toEventError(error));
  }
  const bus = new EventBus(`replay-${c.id}`);
  const journal = openJournal(env.stateDir, bus.runId);
  bus.subscribe(journal.listener);
  try {
    const images = resolvedImages(c, world);
    const plan = withCachedDetails(
      planUp(env, {
        target: 'kind',
        cachedImages: new Set(images.cached.keys()),
        groupImages: new Map([[IMAGE, [IMAGE]]]),
        withTest: true,
      }),
      images,
    );
    emitRunStarted(
      bus,
      { command: 'up', capacity: env.capacity, target: 'kind', engine: runEngine(world.engine) },
      plan,
    );
    const execute = stepDispatcher({
      env,
      engine: world.engine,
      target: world.target,
      runner: world.runner,
      runId: bus.runId,
      version: '0.1.0',
      images,
      groups: new Map([[IMAGE, world.group]]),
      onTestOutcome: () => undefined,
    });
    const summary = await runPlan(plan, {
      bus,
      capacity: env.capacity,
      signal,
      execute,
      heartbeatMs: env.timeouts.heartbeat,
      // The engine answers every probe at once: the collectors found it healthy, so it was healthy then too.
      probe: () => Promise.resolve(HEALTHY),
      recovery: { boundMs: env.timeouts.engineRecovery, backoff: { firstMs: 1, maxMs: 1 } },
    });
    bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  } finally {
    journal.close();
  }
  return readRunFacts(journal.dir, env, 'kind');
}

/** The images as `resolveImages` leaves them: nothing built yet; pull cases pull a pushed image from the registry. */
function resolvedImages(c: CorpusCase, world: ReplayWorld): ResolvedImages {
  const registry = registryMode(world.env, { push: c.phase === 'push', pull: c.phase === 'pull' });
  const ref = registry ? `${REGISTRY}/${IMAGE}:tm-0123456789ab` : REF;
  return {
    refs: new Map([[IMAGE, ref]]),
    presence: new Map(),
    cached: new Map(c.phase === 'pull' ? [[IMAGE, `in registry: ${ref}`]] : []),
    ...(registry ? { registry } : {}),
  };
}
