// The inner loop on examples/aianalysis (issue 16): a no-change `up`, an `up` after a one-line change in one
// service, `tarmac test`, a no-op `build` and `--version`, interleaved, with the suite alone as the reference.
// Run: npm run build && npx tsx bench/inner-loop.bench.ts [repetitions=5] [--baseline DIR]
// --baseline DIR: a saved build (`npx tsx bench/cli-start.bench.ts --save DIR`) whose no-change up, test, one-change up and no-op
// build run in the same repetitions, interleaved, on its own copy of the example (its own env: an older build keeps
// its state in its own format, and neither build's state makes the other redo work): the ratios against it are fair
// under any load.
// Targets: no-change up <= 1.5 s; test <= suite alone + 0.3 s; no-op build <= 0.8 s; --version <= 0.3 s.
// Results go in docs/benchmarks.md. Each run's phase split comes from its journal: start (process start to
// run.started: node, config, engine detection, reconcile, disk guard, lease, hashing), steps (run.started to
// run.finished) and exit (run.finished to process exit: summary, history, report).
import { execa } from 'execa';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { copyExample, podmanEnv, root } from './example-copy.js';

const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const baseline = baselineAt >= 0 ? join(args[baselineAt + 1] ?? '', 'bin/tarmac.js') : undefined;
if (baselineAt >= 0) args.splice(baselineAt, 2);
const reps = Number(args[0] ?? 5);
const tarmac = join(root, 'bin/tarmac.js');

interface Timed {
  ms: number;
  /** start / steps / exit, from the run's journal (absent for commands without a run). */
  phases?: { start: number; steps: number; exit: number };
}

// The newest run's run.started and run.finished times.
function journalTimes(dir: string): { started: number; finished: number } | undefined {
  const runs = join(dir, '.tarmac', 'runs');
  const newest = readdirSync(runs).sort().at(-1);
  if (!newest) return undefined;
  const events = readFileSync(join(runs, newest, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; at: number });
  const started = events.find((e) => e.type === 'run.started')?.at;
  const finished = events.find((e) => e.type === 'run.finished')?.at;
  return started && finished ? { started, finished } : undefined;
}

async function timed(
  args: string[],
  dir: string,
  env: Record<string, string>,
  withJournal = true,
  bin = tarmac,
): Promise<Timed> {
  const t0 = Date.now();
  const r = await execa('node', [bin, ...args], { env: { ...env, CI: 'true' }, reject: false, cwd: dir });
  const t1 = Date.now();
  if (r.exitCode !== 0) throw new Error(`tarmac ${args.join(' ')} exited ${r.exitCode}:\n${r.stdout.slice(-3000)}`);
  const j = withJournal ? journalTimes(dir) : undefined;
  return {
    ms: t1 - t0,
    ...(j ? { phases: { start: j.started - t0, steps: j.finished - j.started, exit: t1 - j.finished } } : {}),
  };
}

/** The suite alone, with the endpoints `tarmac status` reports: the reference for `tarmac test`. */
async function suiteAlone(dir: string, file: string, env: Record<string, string>): Promise<Timed> {
  const status = JSON.parse((await execa('node', [tarmac, 'status', '-f', file, '--json'], { env })).stdout) as {
    endpoints: Record<string, string>;
  };
  const services = Object.fromEntries(
    Object.entries(status.endpoints).map(([n, url]) => [
      `TARMAC_SERVICE_${n.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`,
      url,
    ]),
  );
  const t0 = Date.now();
  await execa('node', ['e2e/suite.mjs'], {
    cwd: dir,
    env: { ...env, ...services, JUNIT_FILE: join(dir, 'alone.xml') },
  });
  return { ms: Date.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  await execa('node', [join(root, 'examples/aianalysis/prepare.mjs')]);
  const env = await podmanEnv();
  const name = `inner-${randomBytes(3).toString('hex')}`;
  const { dir, file } = copyExample(name);
  const base = baseline ? copyExample(`${name}-b`) : undefined;
  const results = new Map<string, Timed[]>();
  const add = (what: string, t: Timed) => results.set(what, [...(results.get(what) ?? []), t]);
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const loads = [load()];
  try {
    const first = await timed(['up', '-f', file], dir, env);
    process.stdout.write(`first up (env created; images shared with the example): ${s(first.ms)} s\n`);
    if (base) {
      const baseFirst = await timed(['up', '-f', base.file], base.dir, env, true, baseline);
      process.stdout.write(`baseline's first up, on its own copy: ${s(baseFirst.ms)} s\n`);
    }
    // Each build runs the same sequence on its own copy. `test` and the suite alone run after a no-change `up`, not
    // right after the one-change `up`: a replaced pod's old containers are still being cleaned up by podman then,
    // which slowed whichever suite ran next (the `test` of the build under test, by 30-70 ms in its steps phase, in
    // three runs of stops 32 and 33 where only that build had the one-change `up`).
    const change = (at: string, i: number) =>
      writeFileSync(
        join(at, 'aianalysis', 'www', 'bench-change.txt'),
        `change ${i} ${randomBytes(4).toString('hex')}\n`,
      );
    for (let i = 0; i < reps; i++) {
      add('--version', await timed(['--version'], dir, env, false));
      add('up, no change', await timed(['up', '-f', file], dir, env));
      add('test', await timed(['test', '-f', file], dir, env));
      add('suite alone', await suiteAlone(dir, file, env));
      change(dir, i);
      add('up, one service changed', await timed(['up', '-f', file], dir, env));
      add('build, no-op', await timed(['build', '-f', file], dir, env));
      if (base) {
        add('baseline: up, no change', await timed(['up', '-f', base.file], base.dir, env, true, baseline));
        add('baseline: test', await timed(['test', '-f', base.file], base.dir, env, true, baseline));
        change(base.dir, i);
        add('baseline: up, one service changed', await timed(['up', '-f', base.file], base.dir, env, true, baseline));
        add('baseline: build, no-op', await timed(['build', '-f', base.file], base.dir, env, true, baseline));
      }
      loads.push(load());
    }
  } finally {
    for (const [bin, copy, env_] of [
      [tarmac, { dir, file }, name],
      ...(base && baseline ? [[baseline, base, `${name}-b`] as const] : []),
    ] as const) {
      await execa('node', [bin, 'down', '-f', copy.file], { env, reject: false });
      const ids = (
        await execa('podman', ['images', '-q', '--filter', `label=io.tarmac.env=${env_}`], { reject: false })
      ).stdout
        .split('\n')
        .filter(Boolean);
      if (ids.length > 0) await execa('podman', ['rmi', '-f', ...ids], { reject: false });
      rmSync(copy.dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`\nload average (1/5/15 min) before and after each repetition: ${loads.join(' | ')}\n\n`);
  process.stdout.write(
    '| what | median | all runs (s) | median phases: start / steps / exit (s) |\n|---|---|---|---|\n',
  );
  for (const [what, runs] of results) {
    const phased = runs.filter((r) => r.phases);
    const phases = phased.length
      ? (['start', 'steps', 'exit'] as const).map((p) => s(median(phased.map((r) => r.phases![p])))).join(' / ')
      : '';
    process.stdout.write(
      `| ${what} | ${s(median(runs.map((r) => r.ms)))} s | ${runs.map((r) => s(r.ms)).join(', ')} | ${phases} |\n`,
    );
  }
  const med = (w: string) => median((results.get(w) ?? []).map((r) => r.ms));
  process.stdout.write(
    `\ntest - suite alone = ${s(med('test') - med('suite alone'))} s (target <= 0.30); no-change up ${s(med('up, no change'))} s (target <= 1.5); no-op build ${s(med('build, no-op'))} s (target <= 0.8); --version ${s(med('--version'))} s (target <= 0.3)\n`,
  );
  if (baseline)
    process.stdout.write(
      `against the baseline (${baseline}), medians: no-change up ${(med('up, no change') / med('baseline: up, no change')).toFixed(2)}x (target <= 0.35x of the issue's starting figure); test ${(med('test') / med('baseline: test')).toFixed(2)}x (test - suite alone: baseline ${s(med('baseline: test') - med('suite alone'))} s); one-change up ${(med('up, one service changed') / med('baseline: up, one service changed')).toFixed(2)}x; no-op build ${(med('build, no-op') / med('baseline: build, no-op')).toFixed(2)}x\n`,
    );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
