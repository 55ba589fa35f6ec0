// What `tarmac up --suite/--all` refuses before anything runs (exit 2, nothing under .tarmac/), through main() in
// this process: a file without suites, an unknown suite, shards without one meaning, --pull-only/--refs misused,
// hooks in a suite's groups, and two suites writing one JUnit file.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from './support/run-cli.js';
import { repoRoot } from './support/tarmac-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// A copy of examples/suites beside ../aianalysis, its config edited by `edit`; returns the suites dir.
function suitesCopy(edit: (config: { suites: Record<string, unknown>[] }) => void = () => {}): string {
  const root = mkdtempSync(join(tmpdir(), 'tarmac-cli-suites-'));
  made.push(root);
  for (const name of ['aianalysis', 'suites'])
    cpSync(join(repoRoot, 'examples', name), join(root, name), {
      recursive: true,
      filter: (src) => !src.includes('/.tarmac'),
    });
  const file = join(root, 'suites', 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as { suites: Record<string, unknown>[] };
  edit(config);
  writeFileSync(file, stringify(config));
  return join(root, 'suites');
}

async function refused(args: string[], dir: string): Promise<string> {
  const r = await runCli([...args, '-f', join(dir, 'tarmac.yaml')], dir);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(existsSync(join(dir, '.tarmac')), 'anything under .tarmac/').toBe(false);
  return r.stdout + r.stderr;
}

describe('up --suite/--all refuses before anything runs', () => {
  it('a file without suites, and a suite the file does not define', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'tarmac-cli-suites-'));
    made.push(plain);
    cpSync(join(repoRoot, 'examples/aianalysis'), plain, { recursive: true, filter: (s) => !s.includes('/.tarmac') });
    expect(await refused(['up', '--all'], plain)).toContain('NO_SUITES');
    const text = await refused(['up', '--suite', 'storage,flet'], suitesCopy());
    expect(text).toContain('UNKNOWN_SUITE');
    expect(text).toContain('Did you mean `fleet`?');
  });

  it('--shard that names no one suite, a bad suite@I/N, and --pull-only/--refs as `up` refuses them', async () => {
    const dir = suitesCopy();
    for (const args of [
      ['up', '--all', '--shard', '1/2'],
      ['up', '--suite', 'storage,fleet', '--shard', '1/2'],
      ['up', '--suite', 'fleet@1/2', '--shard', '1/2'],
    ]) {
      const text = await refused(args, dir);
      expect(text).toContain('SUITE_SHARD_AMBIGUOUS');
      expect(text).toContain('--suite fleet@1/2,storage');
    }
    const bad = await refused(['up', '--suite', 'storage,fleet@3/2'], dir);
    expect(bad).toContain('SUITE_SHARD_INVALID');
    expect(bad).toContain('Expected a shard number from 1 to 2');
    expect(await refused(['up', '--suite', 'fleet', '--refs', 'refs.json'], dir)).toContain('REFS_WITHOUT_PULL_ONLY');
    // examples/suites has no registry: a pull-only suites run has nothing to pull from.
    expect(await refused(['up', '--suite', 'fleet@1/2', '--pull-only'], dir)).toContain('PULL_ONLY_WITHOUT_REGISTRY');
  });

  it('hooks in a group a suite deploys, and two suites writing one JUnit file', async () => {
    const hooked = suitesCopy((config) => {
      config.suites[2]!.deploy = [
        {
          name: 'agent',
          manifests: ['../aianalysis/manifests/apps/holmesgpt-api.yaml'],
          hooks: { after: [{ name: 'seed', command: ['node', '-e', '0'] }] },
        },
      ];
    });
    expect(await refused(['up', '--all'], hooked)).toContain('SUITE_HOOKS_UNSUPPORTED');
    const shared = suitesCopy((config) => {
      (config.suites[1]!.test as { junit: string }).junit = 'results/storage.xml';
    });
    expect(await refused(['up', '--suite', 'storage,pipeline'], shared)).toContain('SUITE_JUNIT_SHARED');
  });
});
