// `tarmac up` on examples/aianalysis: cold (nothing cached, nothing up) against warm (no change), side by side in one run.
// Run: npm run build && npx tsx bench/up-warm.bench.ts [repetitions=3]
// Target (issue 3): warm up >= 3x faster than cold, rebuilding and redelivering nothing. Results go in docs/benchmarks.md.
import { execa } from 'execa';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { copyExample, podmanEnv, root } from './example-copy.js';

const reps = Number(process.argv[2] ?? 3);

async function timedUp(dir: string, env: Record<string, string>): Promise<{ ms: number; json: { outcome: string } }> {
  const started = performance.now();
  const r = await execa('node', [join(root, 'bin/tarmac.js'), 'up', '-f', join(dir, 'tarmac.yaml'), '--json'], {
    env: { ...env, CI: 'true' },
    reject: false,
  });
  const ms = performance.now() - started;
  if (r.exitCode !== 0) throw new Error(`tarmac up exited ${r.exitCode}:\n${r.stderr.slice(-3000)}`);
  return { ms, json: JSON.parse(r.stdout) as { outcome: string } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  await execa('node', [join(root, 'examples/aianalysis/prepare.mjs')]);
  const env = await podmanEnv();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < reps; i++) {
    const name = `bench-${randomBytes(3).toString('hex')}`;
    const { dir } = copyExample(name, { cold: true });
    try {
      cold.push((await timedUp(dir, env)).ms);
      warm.push((await timedUp(dir, env)).ms);
    } finally {
      await execa('node', [join(root, 'bin/tarmac.js'), 'down', '-f', join(dir, 'tarmac.yaml')], {
        env,
        reject: false,
      });
      const ids = (
        await execa('podman', ['images', '-q', '--filter', `label=io.tarmac.env=${name}`], { reject: false })
      ).stdout
        .split('\n')
        .filter(Boolean);
      if (ids.length > 0) await execa('podman', ['rmi', '-f', ...ids], { reject: false });
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const c = median(cold);
  const w = median(warm);
  process.stdout.write(`| run | median | all runs (s) |\n|---|---|---|\n`);
  process.stdout.write(
    `| cold up (all built, env created) | ${(c / 1000).toFixed(1)} s | ${cold.map((x) => (x / 1000).toFixed(1)).join(', ')} |\n`,
  );
  process.stdout.write(
    `| warm up (no change) | ${(w / 1000).toFixed(1)} s | ${warm.map((x) => (x / 1000).toFixed(1)).join(', ')} |\n`,
  );
  process.stdout.write(`\nwarm/cold = ${(w / c).toFixed(3)} (${(c / w).toFixed(1)}x faster; target >= 3x)\n`);
}

await main();
