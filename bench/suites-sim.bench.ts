// Issue 17 item 7a: six suites of the seed's project in one plan (each image built once, suites side by side within
// 4 engine units and 12 GiB) against the suites one after another, and against a lower bound on any schedule.
// Run: npx tsx bench/suites-sim.bench.ts [--timeline]   (pure simulation on a virtual clock; under a second)
// Targets: <= 0.5x one after another (each suite building its own images, as the seed does); within 10% of the bound.
import { planSuites } from '../src/plan/suites-plan.js';
import { predictSuites, simulatePlan } from '../src/plan/suites-predict.js';
import type { Plan } from '../src/plan/types.js';
import { MIN, suitesWorkload } from './suites-sim/workload.js';

const minutes = (ms: number): string => `${(ms / MIN).toFixed(2)} min`;

/** No schedule can beat any of: the longest dependency chain; the engine work over the capacity; memory-time over the budget. */
function lowerBound(
  plan: Plan,
  capacity: number,
  footprints: Map<string, number>,
  budget: number,
): { chain: number; engineWork: number; memoryTime: number } {
  const plain = plan.steps.map((s) => ({ ...s, after: [] }));
  const byId = new Map(plain.map((s) => [s.id, s]));
  const longestTo = new Map<string, number>();
  // Steps are in topological order; a suite's hold starts at its first cluster step (builds are not held).
  const holdTo = new Map<string, number>();
  for (const s of plain) {
    longestTo.set(s.id, s.estimateMs + Math.max(0, ...s.deps.map((d) => longestTo.get(d)!)));
    const ownDeps = s.deps.filter((d) => byId.get(d)?.suite === s.suite && s.suite !== undefined);
    holdTo.set(s.id, s.estimateMs + Math.max(0, ...ownDeps.map((d) => holdTo.get(d)!)));
  }
  const chain = Math.max(...longestTo.values());
  const engineWork = plain.reduce((sum, s) => sum + s.estimateMs * s.claims.engine, 0) / capacity;
  let memoryTime = 0;
  for (const [suite, bytes] of footprints) {
    const hold = Math.max(...plain.filter((s) => s.suite === suite).map((s) => holdTo.get(s.id)!));
    memoryTime += (bytes * hold) / budget;
  }
  return { chain, engineWork, memoryTime };
}

function main(): void {
  const { env, groupImages, durations } = suitesWorkload();
  const suites = env.suites!.map((s) => s.name);
  const input = {
    suites,
    target: 'kind' as const,
    cachedImages: new Set<string>(),
    withTest: true,
    groupImages,
    durations,
  };
  const prediction = predictSuites(env, input);
  const { plan, footprints, waits } = planSuites(env, input);
  const bound = lowerBound(plan, env.capacity, footprints, env.memoryBytes ?? Infinity);
  const boundMs = Math.max(...Object.values(bound));
  const builds = plan.steps.filter((s) => s.kind === 'build').length;
  const vsSeed = prediction.sideBySideMs / prediction.sequentialColdMs;
  const vsBound = prediction.sideBySideMs / boundMs;
  const rows: (readonly [string, number])[] = [
    ['one after another, each suite building its own images (the seed)', prediction.sequentialColdMs],
    ['one after another, images reused from earlier suites', prediction.sequentialMs],
    ['tarmac: one plan, side by side (4 units, 12 GiB)', prediction.sideBySideMs],
    ['lower bound: longest chain', bound.chain],
    ['lower bound: engine work / 4 units', bound.engineWork],
    ['lower bound: memory-time / 12 GiB', bound.memoryTime],
  ];
  // The same suites where memory does not bind (a larger host): only the engine budget and the chains count.
  const roomy = { ...env, memoryBytes: 64 * 1024 ** 3 };
  const roomyMs = predictSuites(roomy, input).sideBySideMs;
  const roomyBound = lowerBound(planSuites(roomy, input).plan, env.capacity, footprints, roomy.memoryBytes);
  const roomyBoundMs = Math.max(...Object.values(roomyBound));
  rows.push(['tarmac, memory not binding (64 GiB)', roomyMs], ['  its lower bound', roomyBoundMs]);
  for (const [name, ms] of rows) process.stdout.write(`${name.padEnd(70)} ${minutes(ms).padStart(10)}\n`);
  process.stdout.write(
    `\nbuild steps: ${builds} for ${env.images.length} images across ${suites.length} suites; peak engine weight ${prediction.peakWeight} of ${env.capacity}\n`,
  );
  for (const w of waits) process.stdout.write(`waits: ${w.reason} (starts at ${minutes(w.startMs)})\n`);
  for (const s of prediction.suites)
    process.stdout.write(
      `  ${s.suite.padEnd(14)} setup ${minutes(s.setupMs)}  ends ${minutes(s.endMs)}  alone ${minutes(s.aloneMs)}\n`,
    );
  if (process.argv.includes('--timeline'))
    for (const slot of [...simulatePlan(plan, env.capacity).slots].sort((a, b) => a.startMs - b.startMs))
      process.stdout.write(
        `    ${(slot.startMs / MIN).toFixed(1).padStart(5)}-${(slot.endMs / MIN).toFixed(1).padEnd(5)} ${slot.id}\n`,
      );
  const met = vsSeed <= 0.5 && vsBound <= 1.1 && builds === env.images.length;
  process.stdout.write(
    `\n${vsSeed.toFixed(3)}x one after another (target <= 0.5); ${vsBound.toFixed(3)}x the lower bound (target <= 1.10): ${met ? 'met' : 'MISSED'}\n` +
      `memory not binding: ${(roomyMs / roomyBoundMs).toFixed(3)}x its lower bound\n`,
  );
  process.exitCode = met ? 0 : 1;
}

main();
