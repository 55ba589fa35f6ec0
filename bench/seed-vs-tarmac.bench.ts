// Issue 6 item 5b: the seed's flow (bench/baseline/seed-flow.ts) against tarmac cold, warm and with one service
// changed, on real podman (cluster.target: podman) with examples/aianalysis, side by side in one run.
// Run: npm run build && npx tsx bench/seed-vs-tarmac.bench.ts [repetitions=3] [--lease]
// tarmac runs with TARMAC_HOST_LEASE=off unless --lease: on a host shared with other tarmac runs (other people's
// tests) the host-wide engine lease makes tarmac queue behind them, which the baseline never does.
// Targets: tarmac cold <= 0.8x the baseline, warm <= 0.15x, one change <= 0.4x (medians); and (issue 16) each cold
// run <= 1.05x its own floor, the critical path of its steps' durations in its journal (bench/journal-floor.ts).
import { execa } from 'execa';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { copyExample, downAndRemoveImages, podmanEnv, root } from './example-copy.js';
import { journalFloor, type JournalEvent } from './journal-floor.js';

const reps = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
const keepLease = process.argv.includes('--lease');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number): string => (ms / 1000).toFixed(1);

interface StepTime {
  id: string;
  state: string;
  ms: number;
}
interface UpRun {
  ms: number;
  runMs: number;
  steps: StepTime[];
  leaseWaits: number;
  /** The critical path of this run's own step durations, and its steps. */
  floor: { ms: number; path: string[] };
}

/** `tarmac up --no-test`, timed from outside (node start to exit); step timings from its journal. */
async function up(dir: string, env: Record<string, string>): Promise<UpRun> {
  const started = performance.now();
  const r = await execa(
    'node',
    [join(root, 'bin/tarmac.js'), 'up', '--no-test', '-f', join(dir, 'tarmac.yaml'), '--json'],
    { env: { ...env, CI: 'true', ...(keepLease ? {} : { TARMAC_HOST_LEASE: 'off' }) }, reject: false },
  );
  const ms = performance.now() - started;
  if (r.exitCode !== 0) throw new Error(`tarmac up exited ${r.exitCode}:\n${r.stderr.slice(-3000)}`);
  const { journal } = JSON.parse(r.stdout) as { journal: string };
  const events = readFileSync(join(journal, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown> & JournalEvent);
  const floor = journalFloor(events);
  const finished = events.find((e) => e.type === 'run.finished') as { durationMs: number } | undefined;
  const steps = events
    .filter((e) => e.type === 'step.finished')
    .map((e) => ({ id: String(e.stepId), state: String(e.state), ms: Number(e.durationMs) }));
  const leaseWaits = events.filter(
    (e) => e.type === 'decision' && String(e.message).includes('waits for the host engine lease'),
  ).length;
  return { ms, runMs: finished?.durationMs ?? NaN, steps, leaseWaits, floor };
}

async function baseline(
  dir: string,
  id: string,
  env: Record<string, string>,
): Promise<{ ms: number; phases: Record<string, number> }> {
  const r = await execa('npx', ['tsx', join(root, 'bench/baseline/seed-flow.ts'), dir, id], {
    env,
    reject: false,
    cwd: root,
  });
  if (r.exitCode !== 0) throw new Error(`baseline exited ${r.exitCode}:\n${r.stderr.slice(-3000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { totalMs: number; phases: Record<string, number> };
  return { ms: out.totalMs, phases: out.phases };
}

function profile(title: string, runs: UpRun[]): string {
  const ids = [...new Set(runs.flatMap((r) => r.steps.map((x) => x.id)))];
  const rows = ids.map((id) => {
    const ms = runs.map((r) => r.steps.find((x) => x.id === id)?.ms ?? 0);
    const states = [...new Set(runs.map((r) => r.steps.find((x) => x.id === id)?.state ?? '-'))].join('/');
    return `| ${id} | ${states} | ${s(median(ms))} s |`;
  });
  const overhead = runs.map((r) => r.ms - r.runMs);
  const waits = runs.reduce((sum, r) => sum + r.leaseWaits, 0);
  return `\n${title}: run ${s(median(runs.map((r) => r.runMs)))} s inside the scheduler, ${s(median(overhead))} s outside it (node start, config, engine detection, reconcile, disk check, hashing); host-lease waits: ${waits}\n| step | state | median |\n|---|---|---|\n${rows.join('\n')}`;
}

async function main(): Promise<void> {
  await execa('node', [join(root, 'examples/aianalysis/prepare.mjs')]);
  const env = await podmanEnv();
  const baseId = `b${randomBytes(3).toString('hex')}`;
  const results = { baseline: [] as number[], cold: [] as UpRun[], warm: [] as UpRun[], change: [] as UpRun[] };
  const phases: Record<string, number>[] = [];
  const dirs: string[] = [];
  try {
    // Untimed: leaves a baseline env behind, so every timed baseline really deletes one first (as the seed's does).
    const warmup = copyExample(`${baseId}-w`, { podman: true, cold: true }).dir;
    dirs.push(warmup);
    await baseline(warmup, baseId, env);
    for (let i = 0; i < reps; i += 1) {
      const bdir = copyExample(`${baseId}-${i}`, { podman: true, cold: true }).dir;
      dirs.push(bdir);
      const b = await baseline(bdir, baseId, env);
      results.baseline.push(b.ms);
      phases.push(b.phases);
      const name = `bench-${randomBytes(3).toString('hex')}`;
      const dir = copyExample(name, { podman: true, cold: true }).dir;
      dirs.push(dir);
      try {
        results.cold.push(await up(dir, env));
        results.warm.push(await up(dir, env));
        // One service changed: new content in aianalysis's build context (a touch alone keeps the content hash).
        writeFileSync(join(dir, 'aianalysis', 'www', 'bench-change.txt'), `change ${i} ${Date.now()}\n`);
        results.change.push(await up(dir, env));
      } finally {
        await downAndRemoveImages(join(dir, 'tarmac.yaml'), name, env);
      }
      process.stderr.write(
        `rep ${i + 1}/${reps}: baseline ${s(b.ms)} s, cold ${s(results.cold.at(-1)!.ms)} s, warm ${s(results.warm.at(-1)!.ms)} s, change ${s(results.change.at(-1)!.ms)} s\n`,
      );
    }
  } finally {
    await execa('npx', ['tsx', join(root, 'bench/baseline/seed-flow.ts'), '--cleanup', baseId], {
      env,
      reject: false,
      cwd: root,
    });
    const dangling = (
      await execa('podman', ['images', '-q', '--filter', `label=io.tarmac.bench=seedflow-${baseId}`], {
        env,
        reject: false,
      })
    ).stdout
      .split('\n')
      .filter(Boolean);
    if (dangling.length > 0) await execa('podman', ['rmi', '-f', ...new Set(dangling)], { env, reject: false });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const base = median(results.baseline);
  const line = (name: string, runs: number[], target: number | undefined): string => {
    const ratio = median(runs) / base;
    const verdict = target === undefined ? '' : `${ratio <= target ? 'met' : 'MISSED'} (target <= ${target}x)`;
    return `| ${name} | ${s(median(runs))} s | ${runs.map(s).join(', ')} | ${target === undefined ? '1' : ratio.toFixed(3)} | ${verdict} |`;
  };
  console.log(
    `host lease: ${keepLease ? 'on' : 'off (TARMAC_HOST_LEASE=off)'}; load average at the end: ${(
      await import('node:os')
    )
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| run | median | all runs (s) | ratio to baseline | target |\n|---|---|---|---|---|');
  console.log(line('baseline: seed flow (bench/baseline/seed-flow.ts)', results.baseline, undefined));
  console.log(
    line(
      'tarmac cold (nothing built, no env)',
      results.cold.map((r) => r.ms),
      0.8,
    ),
  );
  console.log(
    line(
      'tarmac warm (no change)',
      results.warm.map((r) => r.ms),
      0.15,
    ),
  );
  console.log(
    line(
      'tarmac, one service changed (aianalysis)',
      results.change.map((r) => r.ms),
      0.4,
    ),
  );
  const againstFloor = results.cold.map((r) => r.ms / r.floor.ms);
  const floorMedian = median(againstFloor);
  console.log(
    `\ntarmac cold against its floor, measured in the same run (the critical path of the run's own step durations in its journal):\n| run | wall | floor | ratio | floor path |\n|---|---|---|---|---|\n${results.cold
      .map(
        (r, i) =>
          `| ${i + 1} | ${s(r.ms)} s | ${s(r.floor.ms)} s | ${againstFloor[i]!.toFixed(3)} | ${r.floor.path.join(' → ')} |`,
      )
      .join(
        '\n',
      )}\nmedian ratio ${floorMedian.toFixed(3)}: ${floorMedian <= 1.05 ? 'met' : 'MISSED'} (target <= 1.05x)`,
  );
  const phaseNames = Object.keys(phases[0] ?? {});
  console.log(
    `\nbaseline phases (median)\n| phase | median |\n|---|---|\n${phaseNames.map((p) => `| ${p} | ${s(median(phases.map((x) => x[p] ?? 0)))} s |`).join('\n')}`,
  );
  console.log(profile('tarmac cold', results.cold));
  console.log(profile('tarmac warm', results.warm));
  console.log(profile('tarmac one change', results.change));
}

await main();
