// The hostile-config set (issue 15): every file in test/fixtures/hostile-configs/ goes through `tarmac validate`
// in a fresh project. Its first line says `# refuse: <attack>` or `# accept: <attack>`; a refused file must exit 2
// with a located message (and the `# says:` text when given), an accepted one must exit 0 and leave every path
// tarmac will write inside the project. None may exit 70 or hang.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadEnv } from '../src/config/load.js';
import { kubeconfigPath } from '../src/targets/kind/paths.js';

const fixtures = new URL('./fixtures/hostile-configs/', import.meta.url).pathname;
const files = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temp root holding a small project (`<root>/project`) that the config's paths can point into or out of. */
function project(config: string): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'hostile-'));
  roots.push(root);
  const dir = join(root, 'project');
  mkdirSync(join(dir, 'k8s'), { recursive: true });
  mkdirSync(join(dir, 'e2e'));
  writeFileSync(join(dir, 'Containerfile'), 'FROM docker.io/library/alpine:3.20\n');
  writeFileSync(join(dir, 'k8s', 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n');
  writeFileSync(join(dir, 'tarmac.yaml'), config);
  return { root, dir };
}

async function validate(dir: string, args: string[] = []) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (d: Buffer) => (stdout += d.toString()));
  const err = new PassThrough().on('data', (d: Buffer) => (stderr += d.toString()));
  const io: CliIo = { stdout: out, stderr: err, env: {}, cwd: dir };
  const code = await main(['node', 'tarmac', 'validate', ...args], io);
  return { code, stdout, stderr };
}

/** Every file under `dir`, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** What the fixture's header says: the verdict, and the text a refusal must contain. */
function header(text: string): { verdict: string; says: string | undefined } {
  const [first, second] = text.split('\n');
  const verdict = /^# (refuse|accept): \S/.exec(first ?? '')?.[1];
  if (verdict === undefined) throw new Error(`the first line must be "# refuse: ..." or "# accept: ...": ${first}`);
  return { verdict, says: /^# says: (.+)$/.exec(second ?? '')?.[1] };
}

describe('the hostile-config set', () => {
  it('holds at least 50 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(files)('%s', { timeout: 20_000 }, async (file) => {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const { verdict, says } = header(text);
    const { root, dir } = project(text);
    const before = tree(root);
    const { code, stderr } = await validate(dir);
    expect(code).not.toBe(70);
    expect(tree(root)).toEqual(before);
    if (verdict === 'refuse') {
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/^tarmac\.yaml:\d+:\d+[: ]/m);
      if (says !== undefined) expect(stderr).toContain(says);
      return;
    }
    expect(code, stderr).toBe(0);
    const env = await loadEnv('tarmac.yaml', { cwd: dir });
    const written = [env.stateDir, env.historyPath, kubeconfigPath(env.stateDir, env.cluster.name)];
    if (env.test?.junit !== undefined) written.push(env.test.junit);
    if (env.test !== undefined) written.push(env.test.cwd);
    for (const path of written) expect(relative(dir, path)).not.toMatch(/^(\.\.|\/)/);
  });
});

describe('hostile inputs a fixture file cannot hold', () => {
  it('a 6,000-image dependsOn chain validates (the cycle check no longer recurses)', { timeout: 60_000 }, async () => {
    const images = Array.from(
      { length: 6000 },
      (_, i) => `  - name: i${i}\n${i ? `    dependsOn: [i${i - 1}]\n` : ''}`,
    );
    const { dir } = project(`name: shop\nimages:\n${images.join('')}`);
    const { code, stdout, stderr } = await validate(dir);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('6000 images');
  });

  it('a config over 1 MiB is refused before it is parsed, located at its first line', async () => {
    const { dir } = project(`name: shop\n# ${'x'.repeat(1024 * 1024)}\n`);
    const { code, stderr } = await validate(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tarmac\.yaml:1:1: The config file is 1\.0 MiB; tarmac reads at most 1 MiB$/m);
  });

  it('-f pointing at a device is refused instead of read forever', async () => {
    const { dir } = project('name: shop\n');
    const { code, stderr } = await validate(dir, ['-f', '/dev/zero']);
    expect(code).toBe(2);
    expect(stderr).toContain('/dev/zero is not a regular file');
  });

  it('test.junit through a symlinked folder that leads out of the project is refused', async () => {
    const { root, dir } = project('name: shop\ntest:\n  command: [node, suite.mjs]\n  junit: out/results.xml\n');
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(dir, 'out'));
    const { code, stderr } = await validate(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tarmac\.yaml:4:10 test\.junit: `out\/results\.xml` is outside the project/m);
  });
});
