// History, stats and plan wired to real runs of the example on the podman target: a cold `tarmac up`, one
// SIGKILLed mid-build (the history file stays consistent) and the `tarmac test` that marks it abandoned, then
// `tarmac history`, `stats` and `plan` --json checked against figures recomputed from each run's events.jsonl.
// The aggregates over many runs (warm and failing runs, labels, capacities, flaky tests) are checked from
// recorded journals in test/history-cli.test.ts.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, median } from '../../src/history/percentiles.js';
import { readJournal, runFigures } from '../support/journal-checks.js';
import { cleanupByLabel, prepareExample } from '../support/podman-env.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copyExample, descendantsOf, editExample, waitForStepLine, waitUntilGone } from './resilience-interrupt-kit.js';

const envName = uniqueEnvName('hist');
let dir = '';
const file = () => join(dir, 'tarmac.yaml');
const db = () => join(dir, '.tarmac', 'history.db');
const runDir = (id: string) => join(dir, '.tarmac', 'runs', id);
/** Run ids in the order they ran, with what the test expects of each. */
const runs: { id: string; command: string; label?: string; killed?: boolean }[] = [];

async function up(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ exitCode: number; id: string; all: string }> {
  const r = await runTarmac(['up', '-f', file(), '--json', ...args], { env });
  const id = (JSON.parse(r.stdout) as { runId: string }).runId;
  return { exitCode: r.exitCode ?? -1, id, all: r.all ?? '' };
}

beforeAll(async () => {
  await prepareExample();
  dir = copyExample(envName, { work: 2 });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  await cleanupByLabel(envName);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Figures of one run recomputed from its journal. */
function fromJournal(id: string) {
  return runFigures(readJournal(runDir(id)));
}

describe('history, stats and plan from real runs of the example (podman target)', () => {
  it('says so when nothing is recorded yet, and exits 0', async () => {
    const history = await runTarmac(['history', '-f', file()]);
    expect(history.exitCode, history.all).toBe(0);
    expect(history.stdout).toContain(`no runs of ${envName} recorded yet in ${db()}`);
    const stats = await runTarmac(['stats', '-f', file(), '--json']);
    expect(stats.exitCode, stats.all).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ env: envName, strategies: [], tests: [] });
    expect(existsSync(db())).toBe(false);
  });

  it('records a real run', async () => {
    const cold = await up();
    expect(cold.exitCode, cold.all).toBe(0);
    runs.push({ id: cold.id, command: 'up' });
    expect(existsSync(join(runDir(cold.id), 'junit.xml'))).toBe(true);
  }, 600_000);

  it('a run killed with SIGKILL mid-build leaves a consistent history; the next run marks it abandoned there', async () => {
    // A heavier build than the deployed one: a new tag, so the build really runs when tarmac is killed.
    editExample(dir, envName, { work: 200 });
    const child = startTarmac(['up', '-f', file(), '--plain']);
    // Generous: other tarmac runs on this host may hold the engine lease for a while.
    const killedDir = await waitForStepLine(
      dir,
      child.pid!,
      'build_holmesgpt-api.log',
      /^heavy-work: \d+\/200 rounds$/,
      300_000,
    ).catch(async (error: unknown) => {
      child.kill('SIGKILL');
      await child;
      throw error;
    });
    const tracked = await descendantsOf(child.pid!);
    child.kill('SIGKILL');
    for (const pgid of new Set(tracked.filter((p) => p.pid === p.pgid).map((p) => p.pgid)))
      process.kill(-pgid, 'SIGKILL');
    await child;
    await waitUntilGone('the killed processes to be gone', tracked, []);
    const id = killedDir.split('/').at(-1)!;
    runs.push({ id, command: 'up', killed: true });

    const sqlite = new Database(db(), { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT command, outcome, finished FROM runs WHERE id = ?').get(id)).toEqual({
      command: 'up',
      outcome: null,
      finished: null,
    });
    const steps = sqlite.prepare('SELECT step_id, state FROM steps WHERE run_id = ?').all(id) as {
      step_id: string;
      state: string;
    }[];
    // Every step the journal saw finish is finished in the history, with the same state (base at least finished
    // before the heavy build started); the heavy build was running.
    const finishedSteps = readJournal(runDir(id)).flatMap((e) => (e.type === 'step.finished' ? [e] : []));
    expect(finishedSteps.map((e) => e.stepId)).toContain('build:base');
    for (const e of finishedSteps) expect(steps.find((s) => s.step_id === e.stepId)?.state, e.stepId).toBe(e.state);
    expect(steps.find((s) => s.step_id === 'build:holmesgpt-api')?.state).toBe('running');
    sqlite.close();
    const before = await runTarmac(['history', '-f', file(), '--json']);
    expect((JSON.parse(before.stdout) as { runs: { id: string; status: string }[] }).runs[0]).toMatchObject({
      id,
      status: 'unfinished (tarmac gone)',
    });

    // The next run (a re-test of the deployed env, which builds nothing) reconciles it.
    editExample(dir, envName, { work: 2 });
    const next = await runTarmac(['test', '-f', file()]);
    expect(next.exitCode, next.all).toBe(0);
    expect(next.stdout).toContain(`incident reconciled: run ${id} (tarmac up) did not finish`);
    const nextId = /run (\d{8}-\d{6}-[0-9a-f]{4})/.exec(
      next.stdout.split('\n').find((l) => l.startsWith('tarmac test')) ?? '',
    )?.[1];
    expect(nextId).toBeDefined();
    runs.push({ id: nextId!, command: 'test' });
    expect(readJournal(runDir(id)).at(-1)).toMatchObject({ type: 'run.finished', abandoned: true });
  }, 600_000);

  it('history --json matches the journals', async () => {
    const r = await runTarmac(['history', '-f', file(), '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const listed = (JSON.parse(r.stdout) as { runs: Record<string, unknown>[] }).runs;
    expect(listed.map((x) => x.id)).toEqual(runs.map((x) => x.id).reverse());
    for (const run of runs) {
      const row = listed.find((x) => x.id === run.id)!;
      const j = fromJournal(run.id);
      expect(row, run.id).toMatchObject({
        command: run.command,
        label: run.label ?? null,
        abandoned: Boolean(run.killed),
        outcome: j.finished!.outcome,
        durationMs: j.finished!.durationMs,
        setupMs: j.setupMs,
        cacheHits: j.cacheHits,
        cacheLookups: j.cacheLookups,
        incidents: j.incidents,
        tests: j.reported ? j.reported.totals : null,
        status: run.killed ? 'abandoned' : j.finished!.outcome,
      });
    }
    const text = await runTarmac(['history', '-f', file(), '--limit', '2']);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/ test\s+succeeded\s+[\d.]+m?s\s+[\d.]+m?s\s+7 passed\s+reconciled /);
    expect(lines[3]).toMatch(/ up\s+abandoned\s+/);
  });

  it('stats --json: a row per strategy and per test, recomputed from the journals', async () => {
    const r = await runTarmac(['stats', '-f', file(), '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const stats = JSON.parse(r.stdout) as {
      strategies: Record<string, unknown>[];
      tests: { id: string; runs: number; passRate: number; flaky: boolean }[];
    };
    for (const command of ['up', 'test']) {
      const members = runs.filter((x) => x.command === command);
      const figures = members.map((m) => fromJournal(m.id));
      // Setup samples: runs that reached their tests (the killed run did not).
      const setups = figures.filter((f, i) => !members[i]!.killed).map((f) => f.setupMs!);
      const row = stats.strategies.find((s) => s.command === command && s.label === null && s.capacity === 2);
      expect(row, command).toMatchObject({
        runs: members.length,
        abandoned: members.filter((m) => m.killed).length,
        setupSamples: setups.length,
        setupP50Ms: Math.round(percentile(setups, 50)),
      });
    }
    expect(stats.strategies).toHaveLength(2);
    const reports = runs.flatMap((m) => (fromJournal(m.id).reported ? [fromJournal(m.id).reported!] : []));
    expect(reports).toHaveLength(2);
    const ids = [...new Set(reports.flatMap((x) => x.cases.map((c) => c.id)))];
    expect(ids).toHaveLength(7);
    expect(stats.tests.map((t) => t.id).sort()).toEqual([...ids].sort());
    for (const t of stats.tests) expect(t, t.id).toMatchObject({ runs: 2, passRate: 1, flaky: false });
  });

  it('plan --json: estimates learned from the journals, and a prediction per capacity', async () => {
    const r = await runTarmac(['plan', '-f', file(), '--json', '--capacity', '1,2']);
    expect(r.exitCode, r.all).toBe(0);
    type Planned = { id: string; estimateMs: number; source: string; cached: boolean };
    const plan = JSON.parse(r.stdout) as {
      now: { steps: Planned[]; predictions: { capacity: number; setupMs: number }[]; criticalPath: string[] };
      cold: { steps: Planned[]; predictions: { capacity: number; setupMs: number }[] };
    };
    // Real work where there was some, else the time to find it done (e.g. deliveries into podman's own store).
    const samples = new Map<string, number[]>();
    const found = new Map<string, number[]>();
    for (const id of readdirSync(join(dir, '.tarmac', 'runs'))) {
      const events = readJournal(runDir(id));
      const started = new Set(events.flatMap((e) => (e.type === 'step.started' ? [e.stepId] : [])));
      for (const e of events) {
        if (e.type === 'step.finished' && e.state === 'succeeded')
          samples.set(e.stepId, [...(samples.get(e.stepId) ?? []), e.durationMs]);
        if (e.type === 'step.finished' && e.state === 'cached' && started.has(e.stepId))
          found.set(e.stepId, [...(found.get(e.stepId) ?? []), e.durationMs]);
      }
    }
    const learned = plan.cold.steps.filter((step) => samples.has(step.id) || found.has(step.id));
    expect(learned.length).toBeGreaterThan(0);
    for (const step of learned)
      expect([step.source, step.estimateMs], step.id).toEqual([
        'history',
        Math.round(median(samples.get(step.id) ?? found.get(step.id)!)),
      ]);
    for (const step of plan.cold.steps.filter((s) => !learned.includes(s)))
      expect(step.source, step.id).toBe('default');
    expect(plan.cold.steps.find((s) => s.id === 'build:holmesgpt-api')?.source).toBe('history');
    // Everything is built now: the plan of this moment has only cached builds.
    expect(
      plan.now.steps.filter((s) => s.id.startsWith('build:')).every((s) => s.cached && s.source === 'cached'),
    ).toBe(true);
    expect(plan.cold.predictions.map((p) => p.capacity)).toEqual([1, 2]);
    // One unit at a time can never set up faster than two.
    expect(plan.cold.predictions[0]!.setupMs).toBeGreaterThanOrEqual(plan.cold.predictions[1]!.setupMs);
    expect(plan.now.criticalPath.at(-1)).toBe('test');
  });

  it('rejects a bad --capacity list with a usage error', async () => {
    const r = await runTarmac(['plan', '-f', file(), '--capacity', '2,zero']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Expected capacities such as 1,2,3 (whole numbers of at least 1), got `2,zero`.');
  });
});
