// `tarmac history --json` and `stats --json` through main(), over a history recorded from journals the way a
// run records it (openRecorder on the bus), checked against figures recomputed from those journals: a cold
// run, a warm one, one whose tests fail on the same inputs (a flaky test), one at capacity 1 with a label,
// and one killed mid-build that the next run marked abandoned. (test/e2e/history-runs.test.ts keeps real runs
// for the wiring: a real up, a SIGKILL's integrity and the reconcile that marks it.)
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import type { TarmacEvent } from '../src/events/types.js';
import { journalLine } from '../src/journal/line.js';
import { stamp, upRun } from '../src/history/history.test-kit.js';
import { percentile } from '../src/history/percentiles.js';
import { runFigures } from './support/journal-checks.js';
import { openRecorder } from '../src/history/recorder.js';
import { copyProject, repoRoot, uniqueEnvName } from './support/tarmac-cli.js';

const T0 = 1_700_000_000_000;
interface Run {
  id: string;
  events: TarmacEvent[];
  label?: string;
  killed?: boolean;
}

/** The journals: what each run wrote to runs/<id>/events.jsonl. */
function journals(): Run[] {
  const killedAll = upRun('r5', T0 + 400_000);
  const upTo = killedAll.findIndex((e) => e.type === 'step.started' && e.stepId === 'build:b') + 1;
  return [
    { id: 'r1', events: upRun('r1', T0) },
    { id: 'r2', events: upRun('r2', T0 + 100_000, { bCached: true }) },
    { id: 'r3', events: upRun('r3', T0 + 200_000, { bCached: true, testFails: true }) },
    { id: 'r4', events: upRun('r4', T0 + 300_000, { capacity: 1, crash: true }), label: 'serial' },
    { id: 'r5', events: killedAll.slice(0, upTo), killed: true },
  ];
}

/** A project whose history holds `runs`, recorded as the runs would have, the killed one settled by the next. */
function project(runs: Run[]): { dir: string; env: string } {
  const env = uniqueEnvName('hist');
  const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
  const stateDir = join(dir, '.tarmac');
  for (const run of runs) {
    const runDir = join(stateDir, 'runs', run.id);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'events.jsonl'), run.events.map(journalLine).join(''));
    const rec = openRecorder({
      path: join(stateDir, 'history.db'),
      env,
      dir: runDir,
      ...(run.label ? { label: run.label } : {}),
      warn: (m) => {
        throw new Error(m);
      },
    });
    for (const e of run.events) rec.listener(e);
    rec.close();
  }
  // What reconcile appends for the killed run, then the next run's settle.
  const killed = runs.find((r) => r.killed)!;
  const at = killed.events.at(-1)!.at + 100;
  const tail = stamp(killed.id, 0, [
    [
      at,
      {
        type: 'incident',
        kind: 'reconciled',
        cause: { type: 'abandoned', runId: killed.id, pid: 4242, command: 'up' },
        message: 'ended',
        evidence: [],
        stepIds: [],
        action: 'marked abandoned',
      },
    ],
    [at, { type: 'run.finished', outcome: 'failed', durationMs: at - killed.events[0]!.at, abandoned: true }],
  ]);
  killed.events.push(...tail);
  appendFileSync(join(stateDir, 'runs', killed.id, 'events.jsonl'), tail.map(journalLine).join(''));
  const next = openRecorder({ path: join(stateDir, 'history.db'), env, warn: () => undefined });
  next.settle('r6');
  next.close();
  return { dir, env };
}

/** Figures of one run recomputed from its journal. */
const fromJournal = runFigures;

describe('history and stats from recorded journals', () => {
  const runs = journals();
  const { dir, env } = project(runs);

  it('history --json lists every run, newest first, with the figures of its journal', async () => {
    const r = await runCli(['history', '--json'], dir);
    expect(r.code).toBe(0);
    const listed = (JSON.parse(r.stdout) as { env: string; runs: Record<string, unknown>[] }).runs;
    expect(listed.map((x) => x.id)).toEqual(runs.map((x) => x.id).reverse());
    for (const run of runs) {
      const j = fromJournal(run.events);
      expect(
        listed.find((x) => x.id === run.id),
        run.id,
      ).toMatchObject({
        command: 'up',
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
  });

  it('stats --json: per strategy (command, capacity, label) and per test, recomputed from the journals', async () => {
    const r = await runCli(['stats', '--json'], dir);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as {
      env: string;
      strategies: Record<string, unknown>[];
      tests: { id: string; runs: number; passRate: number; flaky: boolean }[];
    };
    expect(stats.env).toBe(env);
    const groups = [
      { label: undefined, capacity: 2 },
      { label: 'serial', capacity: 1 },
    ];
    for (const { label, capacity } of groups) {
      const members = runs.filter((x) => x.label === label);
      const figures = members.map((m) => fromJournal(m.events));
      // Setup samples: runs that reached their tests (the killed run did not).
      const setups = figures.filter((f) => f.testStarted).map((f) => f.setupMs!);
      const hits = figures.reduce((n, f) => n + f.cacheHits, 0);
      const lookups = figures.reduce((n, f) => n + f.cacheLookups, 0);
      expect(lookups).toBeGreaterThan(0);
      const row = stats.strategies.find((s) => s.command === 'up' && s.label === (label ?? null));
      expect(row, `${label} ${capacity}`).toMatchObject({
        capacity,
        runs: members.length,
        abandoned: members.filter((m) => m.killed).length,
        setupSamples: setups.length,
        setupP50Ms: Math.round(percentile(setups, 50)),
        setupP95Ms: Math.round(percentile(setups, 95)),
        crashRate: figures.filter((f) => f.incidents.includes('engine-crash')).length / members.length,
      });
      expect(row!.cacheHitRate as number).toBeCloseTo(hits / lookups, 6);
    }
    expect(stats.strategies).toHaveLength(2);

    const reports = runs.flatMap((m) => (fromJournal(m.events).reported ? [fromJournal(m.events).reported!] : []));
    expect(reports).toHaveLength(4);
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
    // suite.two passed and failed on the same inputs: flaky.
    expect(stats.tests.filter((t) => t.flaky).map((t) => t.id)).toEqual(['suite.two']);
  });
});
