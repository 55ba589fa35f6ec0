// Issue 6 item 5a: the seed's workload under every strategy, tarmac's real scheduler and the exhaustive optimum.
// Run: npx tsx bench/scheduler-sim.bench.ts [--timeline]   (pure simulation on a virtual clock; takes about a second)
// Target: tarmac within 5% of the optimum with 0 crashes.
import { simulateSchedule } from '../src/plan/simulate.js';
import { simulateWithCrashes } from '../src/plan/simulate-crash.js';
import type { SimSpan } from '../src/plan/simulate-crash.js';
import { optimumSchedule } from '../src/plan/simulate-optimum.js';
import { runRealScheduler } from './scheduler-sim/real-scheduler.js';
import { buildFirstParallel, buildFirstSerial, fullParallel, serial, smartSerial } from './scheduler-sim/strategies.js';
import { seedPlan } from './scheduler-sim/tarmac-plan.js';
import { MIN, SEED_ENGINE, seedWorkload } from './scheduler-sim/workload.js';

interface Row {
  name: string;
  completed: boolean;
  makespanMs: number;
  crashes: number;
  spans: SimSpan[];
  noCrashRuleMs?: number;
}

const minutes = (ms: number): string => `${(ms / MIN).toFixed(2)} min`;

function timeline(spans: readonly SimSpan[]): string {
  return [...spans]
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    .map(
      (s) =>
        `    ${(s.start / MIN).toFixed(1).padStart(5)}-${(s.end / MIN).toFixed(1).padEnd(5)} ${s.id}${s.outcome === 'crashed' ? ' (crashed)' : ''}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const steps = seedWorkload();
  const rows: Row[] = [];
  const strategies = [
    ['serial (seed, Dec 15)', serial],
    ['full parallel (3 builds + cluster at once)', fullParallel],
    ['smart serial 2+1 (triage proposal)', smartSerial],
    ['build-first, parallel builds (kubernaut DD-TEST-002)', buildFirstParallel],
    ['build-first, serial builds', buildFirstSerial],
  ] as const;
  for (const [name, policy] of strategies) {
    // Also what the strategy would take if the engine never crashed: the figure the seed hoped for.
    const ideal = simulateWithCrashes(steps, policy);
    rows.push({ name, ...simulateWithCrashes(steps, policy, SEED_ENGINE), noCrashRuleMs: ideal.makespanMs });
  }
  const plan = seedPlan();
  const durations = new Map(steps.map((s) => [s.id, s.durationMs]));
  const real = await runRealScheduler(plan, 2, durations, SEED_ENGINE.crashAbove);
  rows.push({
    name: "tarmac's scheduler (real Scheduler, virtual clock, capacity 2)",
    completed: real.outcome === 'succeeded',
    makespanMs: real.makespanMs,
    crashes: real.crashes,
    spans: real.spans,
  });
  // The pure prediction `tarmac plan` uses (src/plan/simulate.ts): same order and admit(); it has no crash model, so a crash is its peak weight above 2.
  const predicted = simulateSchedule(plan.steps, 2);
  rows.push({
    name: "tarmac's prediction (simulateSchedule, admit() on a virtual clock)",
    completed: predicted.peakWeight <= SEED_ENGINE.crashAbove,
    makespanMs: predicted.makespanMs,
    crashes: predicted.peakWeight > SEED_ENGINE.crashAbove ? 1 : 0,
    spans: predicted.slots.map((x) => ({ id: x.id, start: x.startMs, end: x.endMs, outcome: 'done' as const })),
  });
  const started = performance.now();
  const opt = optimumSchedule(steps, SEED_ENGINE);
  const searchMs = performance.now() - started;
  rows.push({
    name: 'exhaustive optimum (branch and bound)',
    completed: true,
    makespanMs: opt.makespanMs,
    crashes: opt.crashes,
    spans: opt.spans,
  });

  console.log(
    '| strategy | makespan | crashes | ratio to optimum | makespan if the engine never crashed |\n|---|---|---|---|---|',
  );
  for (const r of rows) {
    const makespan = r.completed ? minutes(r.makespanMs) : `never finishes (given up at ${minutes(r.makespanMs)})`;
    const ratio = r.completed ? `${(r.makespanMs / opt.makespanMs).toFixed(3)}` : '∞';
    console.log(
      `| ${r.name} | ${makespan} | ${r.crashes} | ${ratio} | ${r.noCrashRuleMs === undefined ? '(same)' : minutes(r.noCrashRuleMs)} |`,
    );
  }
  console.log(`\noptimum proved by exhaustion: ${opt.nodes} search nodes in ${searchMs.toFixed(0)} ms`);
  const verdict = real.outcome === 'succeeded' && real.crashes === 0 && real.makespanMs <= opt.makespanMs * 1.05;
  console.log(
    `target (tarmac within 5% of the optimum, 0 crashes): ${verdict ? 'met' : 'MISSED'} (${(real.makespanMs / opt.makespanMs).toFixed(3)}x, ${real.crashes} crashes)`,
  );
  if (process.argv.includes('--timeline')) for (const r of rows) console.log(`\n${r.name}:\n${timeline(r.spans)}`);
  if (!verdict) process.exitCode = 1;
}

await main();
