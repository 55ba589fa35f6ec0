// Issue 17 item 7b: examples/suites (three small suites sharing the busybox images of examples/aianalysis) on real
// podman (cluster.target: podman), cold: `tarmac up --all` (one plan, each image built once, suites side by side)
// against the same suites one after another, interleaved in one run and repeated.
// Run: npm run build && npx tsx bench/suites-podman.bench.ts [repetitions=3]
// Baselines, each cold: (a) the seed's way, each suite its own `up --suite X` on its own copy, so it builds its own
// images; (b) `up --suite X` one after another on one copy, so later suites reuse the earlier ones' images.
// Checks from each side-by-side journal that every image was built exactly once (one build step, started once).
// Target: side by side <= 0.6x one after another. tarmac runs with TARMAC_HOST_LEASE=off (as seed-vs-tarmac).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { podmanEnv } from './example-copy.js';
import { builtOnce, copySuites, downAndRemove, prepareExample, timedUp, type TimedUp } from './suites-podman/runs.js';

const SUITES = ['storage', 'pipeline', 'fleet'];
const reps = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number): string => (ms / 1000).toFixed(1);
const loads: number[] = [];
const sampleLoad = (): void => void loads.push(loadavg()[0]!);

interface Rep {
  side: TimedUp;
  seed: number;
  reuse: number;
}

async function oneAfterAnother(copies: string[], env: Record<string, string>): Promise<number> {
  let total = 0;
  for (const [i, suite] of SUITES.entries()) total += (await timedUp(copies[i % copies.length]!, env, suite)).ms;
  return total;
}

async function rep(i: number, env: Record<string, string>, dirs: string[]): Promise<Rep> {
  const id = randomBytes(3).toString('hex');
  const copy = (tag: string): string => {
    const dir = copySuites(`sb${id}${tag}`);
    dirs.push(dir);
    return dir;
  };
  const side = copy('a');
  const seedCopies = SUITES.map((_, n) => copy(`s${n}`));
  const reuseCopy = copy('r');
  const runs: (() => Promise<void>)[] = [];
  const result = { side: undefined as TimedUp | undefined, seed: 0, reuse: 0 };
  runs.push(async () => void (result.side = await timedUp(side, env, undefined)));
  runs.push(async () => void (result.seed = await oneAfterAnother(seedCopies, env)));
  runs.push(async () => void (result.reuse = await oneAfterAnother([reuseCopy], env)));
  try {
    // Interleaved: the order rotates each repetition, so a load burst does not always hit the same schedule.
    for (let k = 0; k < runs.length; k += 1) {
      sampleLoad();
      await runs[(k + i) % runs.length]!();
    }
    sampleLoad();
  } finally {
    for (const dir of [side, ...seedCopies, reuseCopy]) await downAndRemove(dir, env);
  }
  return { side: result.side!, seed: result.seed, reuse: result.reuse };
}

async function main(): Promise<void> {
  await prepareExample();
  const env = await podmanEnv();
  const dirs: string[] = [];
  const results: Rep[] = [];
  try {
    for (let i = 0; i < reps; i += 1) {
      const r = await rep(i, env, dirs);
      results.push(r);
      process.stderr.write(
        `rep ${i + 1}/${reps}: side by side ${s(r.side.ms)} s, seed's way ${s(r.seed)} s, one after another reusing images ${s(r.reuse)} s, load ${loadavg()[0]!.toFixed(1)}\n`,
      );
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const side = median(results.map((r) => r.side.ms));
  const seed = median(results.map((r) => r.seed));
  const reuse = median(results.map((r) => r.reuse));
  const onceChecks = results.map((r) => builtOnce(r.side.events));
  console.log(
    `load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} on a host with other jobs\n`,
  );
  console.log('| schedule | median | all runs (s) | side by side / this |\n|---|---|---|---|');
  const row = (name: string, xs: number[], base: number): string =>
    `| ${name} | ${s(median(xs))} s | ${xs.map(s).join(', ')} | ${base === side ? '1' : (side / base).toFixed(3)} |`;
  console.log(
    row(
      'tarmac up --all (one plan, side by side)',
      results.map((r) => r.side.ms),
      side,
    ),
  );
  console.log(
    row(
      "one after another, each suite building its own images (the seed's way)",
      results.map((r) => r.seed),
      seed,
    ),
  );
  console.log(
    row(
      'one after another, later suites reusing images',
      results.map((r) => r.reuse),
      reuse,
    ),
  );
  const paired = results.map((r) => `${(r.side.ms / r.seed).toFixed(3)} / ${(r.side.ms / r.reuse).toFixed(3)}`);
  console.log(`\nper repetition (against the seed's way / against reuse): ${paired.join(', ')}`);
  for (const [i, c] of onceChecks.entries())
    console.log(`rep ${i + 1}: ${c.ok ? 'each image built exactly once' : 'NOT built once'}: ${c.detail}`);
  const met = side / seed <= 0.6 && onceChecks.every((c) => c.ok);
  console.log(
    `\n${(side / seed).toFixed(3)}x the seed's way, ${(side / reuse).toFixed(3)}x one after another reusing images (target <= 0.6): ${met ? 'met' : 'MISSED'} against the seed's way, ${side / reuse <= 0.6 ? 'met' : 'MISSED'} against reuse`,
  );
  const slowest = results.reduce((a, b) => (b.side.ms > a.side.ms ? b : a)).side;
  console.log(`\nsteps of the slowest side-by-side run (from its journal)\n${slowest.profile}`);
  process.exitCode = met ? 0 : 1;
}

await main();
