// What `tarmac up --suite/--all` refuses before anything runs (exit 2, nothing under .tarmac/), through main() in
// this process: a file without suites, an unknown suite, options a suites run does not take yet, hooks in a suite's
// groups, and two suites writing one JUnit file.
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

  it('--shard and --pull-only, which a suites run does not take yet', async () => {
    const dir = suitesCopy();
    expect(await refused(['up', '--all', '--shard', '1/2'], dir)).toContain('SUITES_FLAG_UNSUPPORTED');
    expect(await refused(['up', '--suite', 'fleet', '--pull-only'], dir)).toContain('--pull-only does not work');
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
