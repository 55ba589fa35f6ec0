// Throughput check of hashContext against `tar -c | sha256sum` on a generated context.
// Run: npm run build && npx tsx bench/hash-context.bench.ts [totalMB=300] [files=20000] [--dist]
// Not a test: it prints both timings; the target is hashContext >= 0.8x tar's throughput.
// --dist times the compiled build (npm run build first): from TypeScript sources each hash
// worker loads its code through tsx, which adds about 0.3 s per call that production does not pay.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Files of varied size (a few large, many small) adding up to about `totalBytes`.
async function makeContext(dir: string, totalBytes: number, files: number): Promise<void> {
  const weights = Array.from({ length: files }, (_, i) => (i % 500 === 0 ? 200 : 1 + (i % 7)));
  const unit = totalBytes / weights.reduce((a, b) => a + b, 0);
  for (let d = 0; d < Math.ceil(files / 100); d += 1)
    await mkdir(path.join(dir, `pkg${d}`, 'src'), { recursive: true });
  for (let i = 0; i < files; i += 1) {
    await writeFile(
      path.join(dir, `pkg${Math.floor(i / 100)}`, 'src', `file${i}.bin`),
      randomBytes(Math.round(weights[i]! * unit)),
    );
  }
}

// `tar -c -C dir . | sha256sum`, argv only (no shell): tar's stdout is piped into sha256sum.
function tarSha(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['-c', '-C', dir, '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const sum = spawn('sha256sum', [], { stdio: ['pipe', 'pipe', 'inherit'] });
    tar.stdout.pipe(sum.stdin);
    let out = '';
    sum.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    sum.on('error', reject);
    tar.on('error', reject);
    sum.on('close', (code) =>
      code === 0 ? resolve(out.split(' ')[0] ?? '') : reject(new Error(`sha256sum exited ${code}`)),
    );
  });
}

/** Every run's time in ms, in order. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dist = process.argv.includes('--dist');
  const [totalArg, filesArg] = process.argv.slice(2).filter((a) => a !== '--dist');
  const totalMb = Number(totalArg ?? 300);
  const files = Number(filesArg ?? 20000);
  const source = dist ? '../dist/cache/hash-context.js' : '../src/cache/hash-context.js';
  const { hashContext } = (await import(source)) as typeof import('../src/cache/hash-context.js');
  const dir = await mkdtemp(path.join(tmpdir(), 'tarmac-hash-bench-'));
  try {
    await makeContext(dir, totalMb * 1024 * 1024, files);
    const result = await hashContext(dir); // warms the page cache for both contenders
    await tarSha(dir);
    // Interleaved, so a burst of load from other processes hits both contenders alike.
    const tarRuns: number[] = [];
    const hashRuns: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      tarRuns.push(...(await timed(1, () => tarSha(dir))));
      hashRuns.push(...(await timed(1, () => hashContext(dir))));
    }
    const mb = result.bytes / 1024 / 1024;
    const rate = (ms: number): string => `${(mb / (ms / 1000)).toFixed(0)} MB/s`;
    const all = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(
      `context: ${result.files} files, ${mb.toFixed(1)} MB (page cache warm, 5 interleaved runs each, ${dist ? 'dist' : 'sources via tsx'})`,
    );
    console.log(
      `tar -c | sha256sum: median ${median(tarRuns).toFixed(0)} ms (${rate(median(tarRuns))}), best ${Math.min(...tarRuns).toFixed(0)} ms; runs ${all(tarRuns)}`,
    );
    console.log(
      `hashContext:        median ${median(hashRuns).toFixed(0)} ms (${rate(median(hashRuns))}), best ${Math.min(...hashRuns).toFixed(0)} ms; runs ${all(hashRuns)}`,
    );
    console.log(
      `ratio (hashContext throughput / tar's): median ${(median(tarRuns) / median(hashRuns)).toFixed(2)}x, best ${(Math.min(...tarRuns) / Math.min(...hashRuns)).toFixed(2)}x (target >= 0.8x)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
