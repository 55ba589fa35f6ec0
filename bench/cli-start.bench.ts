// CPU and wall time of the CLI's start (issue 16): `--version`, `validate`, `status` and a no-change `up` on a copy
// of examples/aianalysis, for several builds of tarmac side by side, interleaved, in one run.
// Run: npm run build && npx tsx bench/cli-start.bench.ts --builds <name>=<dir>,... [repetitions=10]
// A build is a directory with bin/tarmac.js, dist/ and package.json (`current` is this checkout); `--save <dir>`
// copies the current build there (with a node_modules link), so the build before a change can be kept and compared
// with the one after it. Each repetition runs every command with every build in turn.
// CPU is user + sys of the whole invocation as /usr/bin/time reports it (the node process and the processes it
// waited for: podman calls, the suite), because that is what a CPU-bound e2e suite pays per call.
import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { copyExample, podmanEnv, root } from './example-copy.js';

interface Sample {
  cpu: number;
  wall: number;
}

/** Copies the current build (bin, dist, package.json) to `dir`, with node_modules linked. */
function saveBuild(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/** One invocation of `build`'s tarmac, timed by /usr/bin/time (seconds). */
async function timed(build: string, args: string[], cwd: string, env: Record<string, string>): Promise<Sample> {
  const out = join(mkdtempSync(join(tmpdir(), 'tarmac-time-')), 'time');
  const r = await execa('/usr/bin/time', ['-f', '%U %S %e', '-o', out, 'node', join(build, 'bin/tarmac.js'), ...args], {
    cwd,
    env: { ...env, CI: 'true' },
    reject: false,
  });
  if (r.exitCode !== 0) throw new Error(`${build}: tarmac ${args.join(' ')} exited ${r.exitCode}:\n${r.stderr}`);
  const [user, sys, wall] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(join(out, '..'), { recursive: true, force: true });
  return { cpu: user! + sys!, wall: wall! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
  const save = option('--save');
  if (save) {
    saveBuild(resolve(save));
    process.stdout.write(`saved the current build to ${resolve(save)}\n`);
    return;
  }
  const builds = Object.fromEntries(
    (option('--builds') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('='))
      .map(([name, dir]) => [name!, dir === 'current' ? root : resolve(dir!)]),
  );
  const names = Object.keys(builds);
  if (names.length === 0)
    throw new Error('usage: cli-start.bench.ts --builds <name>=<dir>,... [repetitions] | --save <dir>');
  const reps = Number(args[0] ?? 10);
  const env = await podmanEnv();
  const name = `start-${randomBytes(3).toString('hex')}`;
  const { dir, file } = copyExample(name);
  const commands: Record<string, string[]> = {
    '--version': ['--version'],
    validate: ['validate', '-f', file],
    status: ['status', '-f', file],
    'up, no change': ['up', '-f', file],
  };
  const samples = new Map<string, Sample[]>();
  const loads = [load()];
  try {
    await timed(root, ['up', '-f', file], dir, env);
    for (let i = 0; i < reps; i++) {
      for (const [what, argv] of Object.entries(commands))
        for (const which of names) {
          const key = `${what}\t${which}`;
          samples.set(key, [...(samples.get(key) ?? []), await timed(builds[which]!, argv, dir, env)]);
        }
      loads.push(load());
    }
  } finally {
    await execa('node', [join(root, 'bin/tarmac.js'), 'down', '-f', file], { env, reject: false });
    rmSync(dir, { recursive: true, force: true });
  }
  const of = (what: string, which: string, k: keyof Sample) =>
    median(samples.get(`${what}\t${which}`)!.map((x) => x[k]));
  process.stdout.write(`builds: ${names.map((n) => `${n} = ${builds[n]}`).join(', ')}\n`);
  process.stdout.write(`load average (1/5/15 min) per repetition: ${loads.join(' | ')}\n\n`);
  process.stdout.write(
    `| command | ${names.map((n) => `CPU ${n}`).join(' | ')} | ${names.map((n) => `wall ${n}`).join(' | ')} |\n`,
  );
  process.stdout.write(`|---|${names.map(() => '---|---|').join('')}\n`);
  for (const what of Object.keys(commands)) {
    const base = of(what, names[0]!, 'cpu');
    const cpu = names.map(
      (n, i) => `${of(what, n, 'cpu').toFixed(2)} s${i === 0 ? '' : ` (${(of(what, n, 'cpu') / base).toFixed(2)}x)`}`,
    );
    const wall = names.map((n) => `${of(what, n, 'wall').toFixed(2)} s`);
    process.stdout.write(`| ${what} | ${cpu.join(' | ')} | ${wall.join(' | ')} |\n`);
  }
  process.stdout.write(`\n(CPU = user + sys; medians of ${reps} runs each, interleaved)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
