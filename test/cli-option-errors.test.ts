// Option combinations `up`, `test` and `build` refuse before anything runs (exit 2, nothing created, no engine
// asked), through main() in this process. The refusals that need a registry and an image store (`--pull-only`
// against tags the registry lacks) stay end to end in test/e2e/ci-pull-only-errors.test.ts.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from './support/run-cli.js';
import { repoRoot } from './support/tarmac-cli.js';

// A copy of the example's config and contexts; `registry` set when given.
function exampleCopy(registry?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-cli-options-'));
  cpSync(join(repoRoot, 'examples/aianalysis'), dir, { recursive: true, filter: (src) => !src.includes('/.tarmac') });
  if (registry !== undefined) {
    const file = join(dir, 'tarmac.yaml');
    const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    config.registry = { url: registry, insecure: true };
    writeFileSync(file, stringify(config));
  }
  return dir;
}

const withRegistry = exampleCopy('localhost:5999/options');
const plain = exampleCopy();
afterAll(() => {
  for (const dir of [withRegistry, plain]) rmSync(dir, { recursive: true, force: true });
});

async function refused(args: string[], dir: string) {
  const r = await runCli([...args, '-f', join(dir, 'tarmac.yaml')], dir);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(existsSync(join(dir, '.tarmac')), 'anything under .tarmac/').toBe(false);
  return r.stdout + r.stderr;
}

describe('option combinations refused before anything runs', () => {
  it('--refs without --pull-only', async () => {
    expect(await refused(['up', '--refs', 'refs.json'], withRegistry)).toContain('REFS_WITHOUT_PULL_ONLY');
  });

  it('--pull-only without a registry', async () => {
    expect(await refused(['up', '--pull-only'], plain)).toContain('--pull-only needs a registry');
  });

  it('build --push without a registry, saying how to configure one', async () => {
    const out = await refused(['build', '--push'], plain);
    expect(out).toContain('error[PUSH_WITHOUT_REGISTRY]');
    expect(out).toContain('registry: { url:');
  });

  it('a registry user in the config is completed by TARMAC_REGISTRY_PASSWORD, not refused as incomplete', async () => {
    const dir = exampleCopy('localhost:5999/options');
    const file = join(dir, 'tarmac.yaml');
    const config = parse(readFileSync(file, 'utf8')) as { registry: Record<string, unknown> };
    config.registry.username = 'ci';
    writeFileSync(file, stringify(config));
    try {
      const commands = [
        ['up', '--pull-only'],
        ['build', '--push'],
      ];
      for (const args of commands) expect(await refused(args, dir)).toContain('REGISTRY_CREDENTIALS_INCOMPLETE');
      for (const args of commands) {
        // With the password the usage checks pass: what stops it then is that no engine is on this empty PATH.
        const r = await runCli([...args, '-f', file], dir, { TARMAC_REGISTRY_PASSWORD: 'pw-from-ci-secret' });
        expect(r.stderr, args.join(' ')).toContain('ENGINE_NOT_FOUND');
        expect(r.stdout + r.stderr).not.toContain('pw-from-ci-secret');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('build --refs without --push', async () => {
    expect(await refused(['build', '--refs', 'refs.json'], withRegistry)).toContain('REFS_WITHOUT_PUSH');
  });

  it('a refs file that lacks images, or does not exist', async () => {
    const partial = join(withRegistry, 'partial.json');
    writeFileSync(partial, JSON.stringify({ images: { base: 'localhost:5999/options/base:tm-000000000000' } }));
    expect(await refused(['up', '--pull-only', '--refs', partial], withRegistry)).toContain(
      'names no reference for datastorage, holmesgpt-api, aianalysis',
    );
    const missing = join(withRegistry, 'nope.json');
    expect(await refused(['up', '--pull-only', '--refs', missing], withRegistry)).toContain('REFS_FILE_MISSING');
  });

  it.each(['0/2', '3/2', 'two', '1/0'])('--shard %s, for up and for test', async (shard) => {
    for (const command of ['up', 'test'])
      expect(await refused([command, '--shard', shard], withRegistry)).toContain(
        `option '--shard <I/N>' argument '${shard}' is invalid`,
      );
  });
});
