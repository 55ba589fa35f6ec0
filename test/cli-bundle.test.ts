// The bundled CLI (scripts/bundle-cli.mjs) run the way users run it: bin/tarmac.js beside package.json and dist/.
// It must find what it reads relative to its own location (package.json, the context worker's entry) and its stack
// traces must name src/ lines, not the bundle's.
import { execa } from 'execa';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../scripts/bundle-cli.mjs';
import { hashContext } from '../src/cache/hash-context.js';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
let dir: string;
// The cache tests name the cache a run without node options keeps: whatever NODE_OPTIONS the test runs under is off.
// Their temp dir is their own (TMPDIR), so the caches they look at are only theirs.
let tmp: string;
const plain = () => ({ env: { NODE_OPTIONS: '', TMPDIR: tmp } });
const uid = process.getuid?.() ?? 'user';
/** Where bin/tarmac.js keeps the caches under TMPDIR, and the one build directory in it (or undefined). */
const cacheRoot = () => join(tmp, `tarmac-v8-cache-${uid}`);
const buildDir = (): string | undefined => {
  const dirs = existsSync(cacheRoot()) ? readdirSync(cacheRoot()) : [];
  expect(dirs.length).toBeLessThanOrEqual(1);
  return dirs[0] === undefined ? undefined : join(cacheRoot(), dirs[0]);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-bundle-'));
  tmp = mkdtempSync(join(tmpdir(), 'tarmac-bundle-tmp-'));
  mkdirSync(join(dir, 'bin'));
  cpSync(join(root, 'bin/tarmac.js'), join(dir, 'bin/tarmac.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', version: '9.8.7-bundle-test' }));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  await bundleCli(src, join(dir, 'dist'));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('reads its version from the package.json next to it', async () => {
    const r = await execa('node', [join(dir, 'bin/tarmac.js'), '--version']);
    expect(r.stdout).toBe('9.8.7-bundle-test');
  });

  it("names src/ lines in an internal error's stack trace", async () => {
    // stdout that throws: commander's version output fails inside main(), which renders an INTERNAL error with
    // its stack on stderr.
    const preload = join(dir, 'broken-stdout.mjs');
    writeFileSync(preload, "process.stdout.write = () => { throw new Error('stdout is broken'); };\n");
    const r = await execa('node', ['--import', preload, join(dir, 'bin/tarmac.js'), '--version'], { reject: false });
    const mainLines = readFileSync(join(src, 'cli/main.ts'), 'utf8').split('\n');
    const writeOutLine = mainLines.findIndex((line) => line.includes('writeOut: (s) =>')) + 1;
    expect(r.exitCode).toBe(70);
    expect(r.stderr).toContain('error[INTERNAL]: stdout is broken');
    expect(r.stderr).toContain(`${join(src, 'cli/main.ts')}:${writeOutLine}:`);
    expect(r.stderr).not.toMatch(/dist\/(tarmac|chunk-[A-Z0-9]+)\.c?js:/);
  });

  it("keeps each command's V8 code cache after its first successful run in a private dir of the temp dir, never in dist/", async () => {
    rmSync(cacheRoot(), { recursive: true, force: true });
    const project = mkdtempSync(join(tmpdir(), 'tarmac-bundle-cache-'));
    // A failed run (no config here) keeps nothing: its cache would hold only the path to the error.
    const failed = await execa('node', [join(dir, 'bin/tarmac.js'), 'validate'], {
      cwd: project,
      reject: false,
      ...plain(),
    });
    expect(failed.exitCode).toBe(2);
    expect(existsSync(cacheRoot())).toBe(false);
    writeFileSync(join(project, 'tarmac.yaml'), 'name: demo\n');
    await execa('node', [join(dir, 'bin/tarmac.js'), 'validate'], { cwd: project, ...plain() });
    const build = buildDir()!;
    expect(readdirSync(build)).toEqual([`validate-${process.version}-${process.arch}.bin`]);
    expect(statSync(cacheRoot()).mode & 0o077).toBe(0);
    expect(readdirSync(join(dir, 'dist')).some((name) => name.includes('cache'))).toBe(false);
    const file = join(build, `validate-${process.version}-${process.arch}.bin`);
    const written = statSync(file);
    // Accepted by V8: the second run does not write it again.
    const again = await execa('node', [join(dir, 'bin/tarmac.js'), 'validate'], { cwd: project, ...plain() });
    expect(again.stdout).toContain('demo');
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(file).ino).toBe(written.ino);
    rmSync(project, { recursive: true, force: true });
  });

  it('keeps a separate cache for runs with node options (V8 would reject the other)', async () => {
    rmSync(cacheRoot(), { recursive: true, force: true });
    await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
    await execa('node', ['--stack-size=2000', join(dir, 'bin/tarmac.js'), '--version'], plain());
    const names = readdirSync(buildDir()!).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(new RegExp(`^none-${process.version}-${process.arch}-[0-9a-f]+\\.bin$`));
    expect(names[1]).toBe(`none-${process.version}-${process.arch}.bin`);
  });

  it('neither reads nor writes a cache directory other users can write, or a link', async () => {
    for (const plant of [
      () => mkdirSync(cacheRoot(), { mode: 0o777 }),
      () => symlinkSync(mkdtempSync(join(tmp, 'elsewhere-')), cacheRoot()),
    ]) {
      rmSync(cacheRoot(), { recursive: true, force: true });
      plant();
      // mkdir's mode is cut by the umask: make it writable by others for real.
      if (!lstatSync(cacheRoot()).isSymbolicLink()) chmodSync(cacheRoot(), 0o777);
      const r = await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
      expect(r.stdout).toBe('9.8.7-bundle-test');
      expect(readdirSync(cacheRoot())).toEqual([]);
    }
    rmSync(cacheRoot(), { recursive: true, force: true });
  });

  it("a new build of the bundle gets its own cache; writing it removes the earlier build's", async () => {
    rmSync(cacheRoot(), { recursive: true, force: true });
    await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
    const first = buildDir()!;
    // A rebuild: the same bundle written again (new inode and mtime), as `npm run build` does.
    const bundle = join(dir, 'dist/tarmac.cjs');
    const text = readFileSync(bundle);
    rmSync(bundle);
    writeFileSync(bundle, text);
    await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
    const second = buildDir()!;
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(false);
  });

  it('is ASCII only, so node reads it without decoding UTF-8 into a two-byte string', () => {
    const bytes = readFileSync(join(dir, 'dist/tarmac.cjs'));
    const first = bytes.findIndex((b) => b > 0x7f);
    expect(first === -1 ? '' : bytes.subarray(Math.max(0, first - 60), first + 20).toString('utf8')).toBe('');
  });

  it('runs on and writes the cache again when V8 rejects the one it finds', async () => {
    await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
    const file = join(buildDir()!, `none-${process.version}-${process.arch}.bin`);
    writeFileSync(file, 'not a code cache');
    const r = await execa('node', [join(dir, 'bin/tarmac.js'), '--version'], plain());
    expect(r.stdout).toBe('9.8.7-bundle-test');
    expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it('reports config problems with the English messages zod gives (the bundle keeps only those)', async () => {
    const project = mkdtempSync(join(tmpdir(), 'tarmac-bundle-config-'));
    writeFileSync(join(project, 'tarmac.yaml'), 'name: demo\ncluster:\n  target: nope\n');
    const r = await execa('node', [join(dir, 'bin/tarmac.js'), 'validate'], { cwd: project, reject: false });
    rmSync(project, { recursive: true, force: true });
    expect(r.exitCode).toBe(2);
    expect(r.stdout + r.stderr).toContain('cluster.target: Expected one of `auto`, `kind`, `podman`, got `nope`');
  });

  it("hashes a context on the bundle's worker entry as the sources do", async () => {
    const context = join(root, 'examples/aianalysis/datastorage');
    const worker = new Worker(join(dir, 'dist/context-worker.js'));
    const answer = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 7, job: { op: 'hash', root: context } });
    }).finally(() => worker.terminate());
    expect(answer).toEqual({ id: 7, outcome: { ok: true, value: await hashContext(context) } });
  });
});
