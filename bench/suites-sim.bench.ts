// Issue 17 item 7a: six suites of the seed's project in one plan (each image built once, suites side by side within
// 4 engine units and 12 GiB) against the suites one after another, and against lower bounds on any schedule; then the
// same figures on other workloads (bench/suites-sim/variants.ts), so a planner change is seen everywhere.
// Run: npx tsx bench/suites-sim.bench.ts [--timeline]   (pure simulation on a virtual clock; a few seconds)
// Targets (the seed's workload): <= 0.5x one after another (each suite building its own images, as the seed does);
// within 10% of the best lower bound.
import { planSuites } from '../src/plan/suites-plan.js';
import { predictSuites, simulatePlan } from '../src/plan/suites-predict.js';
import { bestBound, lowerBounds } from './suites-sim/bounds.js';
import { VARIANTS } from './suites-sim/variants.js';
import { MIN, suitesWorkload, workload, type Workload } from './suites-sim/workload.js';

const minutes = (ms: number): string => `${(ms / MIN).toFixed(2)} min`;

function measure({ env, groupImages, durations }: Workload) {
  const input = {
    suites: env.suites!.map((s) => s.name),
    target: 'kind' as const,
    cachedImages: new Set<string>(),
    withTest: true,
    groupImages,
    durations,
  };
  const started = performance.now();
  const planned = planSuites(env, input);
  const planMs = performance.now() - started;
  const prediction = predictSuites(env, input);
  const bounds = lowerBounds(planned.plan, env.capacity, planned.footprints, env.memoryBytes ?? Infinity);
  return { env, planned, planMs, prediction, bounds, bound: bestBound(bounds) };
}

function seed(): boolean {
  const { env, planned, prediction, bounds, bound, planMs } = measure(suitesWorkload());
  const builds = planned.plan.steps.filter((s) => s.kind === 'build').length;
  const vsSeed = prediction.sideBySideMs / prediction.sequentialColdMs;
  const vsBound = prediction.sideBySideMs / bound;
  const rows: (readonly [string, number | undefined])[] = [
    ['one after another, each suite building its own images (the seed)', prediction.sequentialColdMs],
    ['one after another, images reused from earlier suites', prediction.sequentialMs],
    ['tarmac: one plan, side by side (4 units, 12 GiB)', prediction.sideBySideMs],
    ['lower bound: longest chain', bounds.chain],
    ['lower bound: engine work / 4 units', bounds.engineWork],
    ['lower bound: memory-time / 12 GiB (memory divisible)', bounds.memoryTime],
    ['lower bound: best packing of the suites as memory blocks', bounds.packing],
  ];
  for (const [name, ms] of rows)
    process.stdout.write(`${name.padEnd(70)} ${(ms === undefined ? '-' : minutes(ms)).padStart(10)}\n`);
  process.stdout.write(
    `\nbuild steps: ${builds} for ${env.images.length} images across ${env.suites!.length} suites; peak engine weight ${prediction.peakWeight} of ${env.capacity}; planned in ${planMs.toFixed(0)} ms\n`,
  );
  for (const w of planned.waits) process.stdout.write(`waits: ${w.reason}\n`);
  for (const s of prediction.suites)
    process.stdout.write(
      `  ${s.suite.padEnd(14)} setup ${minutes(s.setupMs)}  ends ${minutes(s.endMs)}  alone ${minutes(s.aloneMs)}\n`,
    );
  if (process.argv.includes('--timeline'))
    for (const slot of [...simulatePlan(planned.plan, env.capacity).slots].sort((a, b) => a.startMs - b.startMs))
      process.stdout.write(
        `    ${(slot.startMs / MIN).toFixed(1).padStart(5)}-${(slot.endMs / MIN).toFixed(1).padEnd(5)} ${slot.id}\n`,
      );
  const met = vsSeed <= 0.5 && vsBound <= 1.1 && builds === env.images.length;
  process.stdout.write(
    `\n${vsSeed.toFixed(3)}x one after another (target <= 0.5); ${vsBound.toFixed(3)}x the best lower bound (target <= 1.10): ${met ? 'met' : 'MISSED'}\n`,
  );
  return met;
}

function variants(): void {
  process.stdout.write(
    '\n| workload | suites | tarmac | one after another (own images) | best bound (which) | tarmac / bound | planned in |\n|---|---|---|---|---|---|---|\n',
  );
  for (const v of VARIANTS) {
    const { env, prediction, bounds, bound, planMs } = measure(workload(v.sketch));
    const which = Object.entries(bounds).find(([, ms]) => ms === bound)?.[0];
    process.stdout.write(
      `| ${v.name} | ${env.suites!.length} | ${minutes(prediction.sideBySideMs)} | ${minutes(prediction.sequentialColdMs)} | ${minutes(bound)} (${which}) | ${(prediction.sideBySideMs / bound).toFixed(3)} | ${planMs.toFixed(0)} ms |\n`,
    );
  }
  for (const v of VARIANTS) process.stdout.write(`- ${v.name}: ${v.about}\n`);
}

const met = seed();
variants();
process.exitCode = met ? 0 : 1;
