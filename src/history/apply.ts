// Turns one run's events into history rows: one small transaction per event, so a tarmac killed
// between two events leaves every row it wrote complete and the file consistent.
import type { TarmacEvent } from '../events/types.js';
import type { StepId } from '../plan/types.js';
import type { HistoryDb } from './store.js';

/** Where the run is recorded: its env, journal directory and label (strategy name, e.g. from TARMAC_RUN_LABEL). */
export interface RunMeta {
  env: string;
  dir?: string;
  label?: string;
}

/** What the writer remembers of a run between events (to compute queue waits and setup time). */
interface Track {
  startedAt: number;
  /** When run.started was seen: steps without dependencies are ready from then. */
  plannedAt?: number;
  deps: Map<StepId, readonly StepId[]>;
  kinds: Map<StepId, string>;
  doneAt: Map<StepId, number>;
  started: Set<StepId>;
  setupMs?: number;
}

/** Writes the rows of each event of one or more runs into an open history file. */
export class HistoryWriter {
  private readonly tracks = new Map<string, Track>();
  private readonly st;

  constructor(
    private readonly db: HistoryDb,
    private readonly meta: RunMeta,
  ) {
    this.st = {
      run: db.prepare('INSERT OR IGNORE INTO runs (id, env, dir, started, label) VALUES (?, ?, ?, ?, ?)'),
      planned: db.prepare('UPDATE runs SET command = ?, capacity = ? WHERE id = ?'),
      step: db.prepare(
        'INSERT OR REPLACE INTO steps (run_id, step_id, kind, subject, weight, state, cached) VALUES (?, ?, ?, ?, ?, ?, 0)',
      ),
      started: db.prepare(
        "UPDATE steps SET state = 'running', attempts = ?, started = ?, queue_ms = COALESCE(queue_ms, ?) WHERE run_id = ? AND step_id = ?",
      ),
      finished: db.prepare('UPDATE steps SET state = ?, duration_ms = ?, cached = ? WHERE run_id = ? AND step_id = ?'),
      setup: db.prepare('UPDATE runs SET setup_ms = ? WHERE id = ? AND setup_ms IS NULL'),
      incident: db.prepare(
        'INSERT INTO incidents (run_id, at, kind, message, step_ids, action) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      totals: db.prepare(
        // Added up: a multi-suite run reports once per suite.
        'UPDATE runs SET tests_total = COALESCE(tests_total, 0) + ?, tests_passed = COALESCE(tests_passed, 0) + ?, tests_failed = COALESCE(tests_failed, 0) + ?, tests_skipped = COALESCE(tests_skipped, 0) + ?, tests_errors = COALESCE(tests_errors, 0) + ? WHERE id = ?',
      ),
      test: db.prepare(
        'INSERT OR REPLACE INTO test_results (run_id, test_id, status, time_ms, inputs, message) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      suite: db.prepare('INSERT OR IGNORE INTO run_suites (run_id, suite) VALUES (?, ?)'),
      suiteMemory: db.prepare(
        'INSERT INTO run_suites (run_id, suite, peak_memory_bytes, memory_samples) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, suite) DO UPDATE SET peak_memory_bytes = excluded.peak_memory_bytes, memory_samples = excluded.memory_samples',
      ),
      runFinished: db.prepare(
        'UPDATE runs SET finished = ?, outcome = ?, duration_ms = ?, abandoned = ?, setup_ms = COALESCE(setup_ms, ?) WHERE id = ?',
      ),
    };
  }

  /** Records one event; events that carry nothing for history (output, heartbeats, probes) write nothing. */
  apply(event: TarmacEvent): void {
    if (
      event.type === 'step.output' ||
      event.type === 'step.heartbeat' ||
      event.type === 'run.heartbeat' ||
      event.type === 'probe' ||
      event.type === 'resource'
    )
      return;
    this.db.transaction(() => this.write(event))();
  }

  private track(event: TarmacEvent): Track {
    let track = this.tracks.get(event.runId);
    if (!track) {
      track = { startedAt: event.at, deps: new Map(), kinds: new Map(), doneAt: new Map(), started: new Set() };
      this.tracks.set(event.runId, track);
      // The run's first event is its start: a run whose tarmac dies before run.started is still listed.
      this.st.run.run(event.runId, this.meta.env, this.meta.dir ?? null, event.at, this.meta.label ?? null);
    }
    return track;
  }

  private write(event: TarmacEvent): void {
    const t = this.track(event);
    const id = event.runId;
    switch (event.type) {
      case 'run.started':
        t.plannedAt = event.at;
        this.st.planned.run(event.command, event.capacity, id);
        for (const s of event.steps) {
          t.deps.set(s.id, s.deps);
          t.kinds.set(s.id, s.kind);
          this.st.step.run(id, s.id, s.kind, s.subject, s.claims.engine, 'pending');
        }
        for (const suite of new Set(event.steps.flatMap((s) => (s.suite === undefined ? [] : [s.suite]))))
          this.st.suite.run(id, suite);
        return;
      case 'step.started': {
        const ready = Math.max(
          t.plannedAt ?? t.startedAt,
          ...(t.deps.get(event.stepId) ?? []).map((d) => t.doneAt.get(d) ?? 0),
        );
        // Only the first attempt waited in the queue; a retry after an engine crash waits for the engine instead.
        const queueMs = t.started.has(event.stepId) ? null : Math.max(0, event.at - ready);
        t.started.add(event.stepId);
        this.st.started.run(event.attempt, event.at, queueMs, id, event.stepId);
        if (t.kinds.get(event.stepId) === 'test' && t.setupMs === undefined) {
          t.setupMs = event.at - t.startedAt;
          this.st.setup.run(t.setupMs, id);
        }
        return;
      }
      case 'step.finished':
        t.doneAt.set(event.stepId, event.at);
        this.st.finished.run(event.state, event.durationMs, event.state === 'cached' ? 1 : 0, id, event.stepId);
        return;
      case 'suite.memory':
        this.st.suiteMemory.run(id, event.suite, Math.round(event.peakBytes), event.samples);
        return;
      case 'incident':
        this.st.incident.run(id, event.at, event.kind, event.message, JSON.stringify(event.stepIds), event.action);
        return;
      case 'tests.reported': {
        const n = event.totals;
        this.st.totals.run(n.tests, n.passed, n.failed, n.skipped, n.errors, id);
        for (const c of event.cases)
          this.st.test.run(id, c.id, c.status, Math.round(c.timeMs), event.inputs, c.message ?? null);
        return;
      }
      case 'run.finished':
        this.st.runFinished.run(
          event.at,
          event.outcome,
          event.durationMs,
          event.abandoned ? 1 : 0,
          event.at - t.startedAt,
          id,
        );
        return;
      default:
        return;
    }
  }
}
