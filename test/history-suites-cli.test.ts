// History and stats of a suites project through main(), over a real SQLite history recorded the way runs record it:
// which suites each run covered, `--suite X` filters (an unknown suite is a usage error), and the plan's waits
// saying a footprint was learned.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { recordRun, upRun } from '../src/history/history.test-kit.js';
import { suitesRun } from '../src/history/suites-history.test-kit.js';
import { runCli } from './support/run-cli.js';
import { copySuitesExample } from './e2e/suites-kit.js';

const T0 = 1_700_000_000_000;
const GiB = 1024 ** 3;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** examples/suites (env `suites`) beside ../aianalysis, with a memory budget and a history of four runs. */
function project(): string {
  const dir = copySuitesExample('suites');
  made.push(join(dir, '..'));
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  // Room for the two one-cluster suites' defaults (1 GiB each), not for fleet's learned 2.5 GiB beside them.
  config.build = { ...config.build, memory: '3GiB' };
  writeFileSync(file, stringify(config));
  const history = join(dir, '.tarmac', 'history.db');
  recordRun(history, 'suites', upRun('single', T0));
  recordRun(
    history,
    'suites',
    suitesRun('both', T0 + 1_000, [{ name: 'storage' }, { name: 'fleet', peakBytes: 2.5 * GiB }]),
  );
  recordRun(history, 'suites', suitesRun('pipe', T0 + 2_000, [{ name: 'pipeline', testFails: true }]));
  return dir;
}

describe('history and stats of suites', () => {
  const dir = project();
  const cli = (args: string[]) => runCli([...args, '-f', join(dir, 'tarmac.yaml')], dir);

  it('history shows the suites each run covered, and a dash for a single-env run', async () => {
    const r = await cli(['history']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^when\s+command\s+suites\s+outcome/);
    expect(lines.find((l) => l.includes(' both'))).toContain('storage, fleet');
    expect(lines.find((l) => l.includes(' pipe'))).toMatch(/up\s+pipeline\s+failed/);
    expect(lines.find((l) => l.includes(' single'))).toMatch(/up\s+-\s+succeeded/);
  });

  it('history --suite X lists only the runs that covered X', async () => {
    const r = await cli(['history', '--suite', 'fleet', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { suite: string; runs: { id: string; suites: string[] }[] };
    expect(out.suite).toBe('fleet');
    expect(out.runs.map((x) => [x.id, x.suites])).toEqual([['both', ['storage', 'fleet']]]);
    const text = await cli(['history', '--suite', 'fleet']);
    expect(text.stdout).toMatch(/^suites: last 1 run of suite fleet /);
  });

  it('stats --suite X: the runs that covered X and only its tests', async () => {
    const r = await cli(['stats', '--suite', 'pipeline', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      strategies: { suites: string[]; runs: number; failed: number }[];
      tests: { id: string; passRate: number }[];
    };
    expect(out.strategies).toEqual([expect.objectContaining({ suites: ['pipeline'], runs: 1, failed: 1 })]);
    expect(out.tests.map((t) => [t.id, t.passRate])).toEqual([['pipeline/login', 0]]);
    const all = await cli(['stats']);
    expect(all.stdout).toMatch(/command\s+capacity\s+label\s+suites\s+runs/);
  });

  it('refuses a suite the file does not define, with the names it has (exit 2)', async () => {
    for (const command of ['history', 'stats']) {
      const r = await cli([command, '--suite', 'flet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('UNKNOWN_SUITE');
      expect(r.stderr).toContain('Did you mean `fleet`?');
    }
  });

  it('plan --suites: a suite waits on its learned footprint and says so', async () => {
    const r = await cli(['plan', '--suites', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { waits: { suite: string; reason: string }[] };
    expect(out.waits.map((w) => w.reason)).toEqual([
      expect.stringMatching(/^fleet needs 2\.5 GiB of memory \(learned from 1 run\); /),
    ]);
    const text = await cli(['plan', '--suites']);
    expect(text.stdout).toMatch(/storage .* 1\.0 GiB \(default: 1\.0 GiB per cluster\)/);
    expect(text.stdout).toMatch(/fleet .* 2\.5 GiB \(learned from 1 run\)/);
  });
});
