// Acceptance for history, stats and plan (issue 6): several real `tarmac up` runs of the example on the podman
// target (one SIGKILLed mid-build, one with failing tests), then `tarmac history`, `stats` and `plan` --json
// checked against figures recomputed from each run's events.jsonl.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../../src/events/types.js';
import { percentile, median } from '../../src/history/percentiles.js';
import { readJournal } from '../support/journal-checks.js';
import { cleanupByLabel, prepareExample } from '../support/podman-env.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copyExample, descendantsOf, editExample, waitForStepLine, waitUntilGone } from './resilience-interrupt-kit.js';

const envName = uniqueEnvName('hist');
let dir = '';
const file = () => join(dir, 'tarmac.yaml');
const db = () => join(dir, '.tarmac', 'history.db');
const runDir = (id: string) => join(dir, '.tarmac', 'runs', id);
/** Run ids in the order they ran, with what the test expects of each. */
const runs: { id: string; command: string; label?: string; killed?: boolean; failing?: boolean }[] = [];

/** Sets (or clears) test.env in the copy's config; the images, and so the tests' inputs, stay the same. */
function setTestEnv(env: Record<string, string>): void {
  const config = parse(readFileSync(file(), 'utf8')) as { test: Record<string, unknown> };
  config.test.env = env;
  writeFileSync(file(), stringify(config));
}

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
  const events = readJournal(runDir(id));
  const first = events[0]!;
  const started = events.find((e) => e.type === 'run.started');
  const finished = events.find((e): e is Extract<TarmacEvent, { type: 'run.finished' }> => e.type === 'run.finished');
  const testStart = events.find((e) => e.type === 'step.started' && e.stepId === 'test');
  const kinds = new Map(started?.type === 'run.started' ? started.steps.map((s) => [s.id, s.kind]) : []);
  const last = new Map<string, string>();
  for (const e of events) if (e.type === 'step.finished') last.set(e.stepId, e.state);
  const lookups = [...last].filter(
    ([s, state]) =>
      ['build', 'cluster', 'deliver'].includes(kinds.get(s) ?? '') && ['cached', 'succeeded', 'failed'].includes(state),
  );
  const reported = events.find(
    (e): e is Extract<TarmacEvent, { type: 'tests.reported' }> => e.type === 'tests.reported',
  );
  return {
    events,
    finished,
    reported,
    setupMs: testStart || finished ? (testStart ?? finished)!.at - first.at : undefined,
    cacheHits: lookups.filter(([, state]) => state === 'cached').length,
    cacheLookups: lookups.length,
    incidents: events.flatMap((e) => (e.type === 'incident' ? [e.kind] : [])),
  };
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

  it('records real runs: cold, warm, one with failing tests, one at capacity 1 with a label', async () => {
    const cold = await up();
    expect(cold.exitCode, cold.all).toBe(0);
    runs.push({ id: cold.id, command: 'up' });
    const warm = await up();
    expect(warm.exitCode, warm.all).toBe(0);
    runs.push({ id: warm.id, command: 'up' });
    // Same images, same command, but the suite cannot reach aianalysis: its checks fail on the same inputs.
    setTestEnv({ TARMAC_SERVICE_AIANALYSIS: 'http://127.0.0.1:9' });
    const failing = await up();
    expect(failing.exitCode, failing.all).toBe(1);
    runs.push({ id: failing.id, command: 'up', failing: true });
    setTestEnv({});
    const serial = await up(['--capacity', '1'], { TARMAC_RUN_LABEL: 'serial' });
    expect(serial.exitCode, serial.all).toBe(0);
    runs.push({ id: serial.id, command: 'up', label: 'serial' });
    for (const r of runs) expect(existsSync(join(runDir(r.id), 'junit.xml')), r.id).toBe(true);
  }, 900_000);

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
    // Every step the journal saw finish is finished in the history, with the same state; the heavy build was running.
    for (const e of readJournal(runDir(id)))
      if (e.type === 'step.finished') expect(steps.find((s) => s.step_id === e.stepId)?.state, e.stepId).toBe(e.state);
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

  it('stats --json: per strategy and per test, recomputed from the journals', async () => {
    const r = await runTarmac(['stats', '-f', file(), '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const stats = JSON.parse(r.stdout) as {
      strategies: Record<string, unknown>[];
      tests: { id: string; runs: number; passRate: number; flaky: boolean }[];
    };
    const expectGroup = (command: string, label: string | undefined, capacity: number) => {
      const members = runs.filter((x) => x.command === command && x.label === label);
      const figures = members.map((m) => fromJournal(m.id));
      // Setup samples: runs that reached their tests (the killed run did not).
      const setups = figures.filter((f, i) => !members[i]!.killed).map((f) => f.setupMs!);
      const hits = figures.reduce((n, f) => n + f.cacheHits, 0);
      const lookups = figures.reduce((n, f) => n + f.cacheLookups, 0);
      const row = stats.strategies.find(
        (s) => s.command === command && s.label === (label ?? null) && s.capacity === capacity,
      );
      expect(row, `${command} ${label} ${capacity}`).toMatchObject({
        runs: members.length,
        abandoned: members.filter((m) => m.killed).length,
        setupSamples: setups.length,
        setupP50Ms: Math.round(percentile(setups, 50)),
        setupP95Ms: Math.round(percentile(setups, 95)),
        crashRate: figures.filter((f) => f.incidents.includes('engine-crash')).length / members.length,
      });
      if (lookups === 0) expect(row!.cacheHitRate).toBeNull();
      else expect(row!.cacheHitRate as number).toBeCloseTo(hits / lookups, 6);
    };
    expectGroup('up', undefined, 2);
    expectGroup('up', 'serial', 1);
    expectGroup('test', undefined, 2);
    expect(stats.strategies).toHaveLength(3);

    const reports = runs.flatMap((m) => (fromJournal(m.id).reported ? [fromJournal(m.id).reported!] : []));
    expect(reports).toHaveLength(5);
    // One fingerprint for all: same images and command (test.env is not an input).
    expect(new Set(reports.map((x) => x.inputs)).size).toBe(1);
    const ids = [...new Set(reports.flatMap((x) => x.cases.map((c) => c.id)))];
    expect(stats.tests.map((t) => t.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const results = reports.flatMap((x) => x.cases.filter((c) => c.id === id));
      const passed = results.filter((c) => c.status === 'passed').length;
      const failed = results.filter((c) => c.status === 'failed' || c.status === 'error').length;
      expect(
        stats.tests.find((t) => t.id === id),
        id,
      ).toMatchObject({ runs: results.length, passRate: passed / (passed + failed), flaky: passed > 0 && failed > 0 });
    }
    expect(stats.tests.filter((t) => t.flaky).length).toBeGreaterThan(0);
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
    for (const step of plan.cold.steps) {
      const known = samples.get(step.id) ?? found.get(step.id);
      expect(step.source, step.id).toBe(known ? 'history' : 'default');
      if (known) expect(step.estimateMs, step.id).toBe(Math.round(median(known)));
    }
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
