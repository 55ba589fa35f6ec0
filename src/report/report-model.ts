// Everything a report shows, assembled from a run's events, its triage and the expected durations.
// Pure data: the markdown and HTML renderers only lay it out.
import type { EventError, StepState, TarmacEvent } from '../events/types.js';
import type { TriageResult } from '../triage/types.js';
import { buildTimeline, type Timeline } from './timeline.js';

export interface ReportFailure {
  stepId: string;
  code: string;
  message: string;
  hint?: string;
  tail: string[];
}

export interface ReportTests {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  /** Failed and errored cases, with their first message line. */
  failing: { id: string; message?: string }[];
}

export interface ReportModel {
  runId: string;
  command: string;
  /** `unfinished`: the journal has no `run.finished` (tarmac was killed and nothing reconciled it yet). */
  outcome: 'succeeded' | 'failed' | 'cancelled' | 'unfinished';
  /** A later tarmac found the run's process dead and closed its journal. */
  abandoned: boolean;
  startedAt: number;
  durationMs: number;
  counts: Partial<Record<StepState, number>>;
  tests?: ReportTests;
  failures: ReportFailure[];
  /** Absent when no triage ran (a successful run, or a failed one never triaged). */
  triage?: TriageResult;
  /** Whether any step had an expected duration (earlier successful runs exist). */
  hasHistory: boolean;
  timeline: Timeline;
  /** Ranked: verdict actions first, then the failures' hints. */
  actions: string[];
}

export interface ReportInput {
  events: readonly TarmacEvent[];
  triage?: TriageResult;
  /** Step id → expected ms (src/history/expected.ts); `{}` without history. */
  expected: Readonly<Record<string, number>>;
  /** Run id to show when the journal has none (an empty journal). */
  runId?: string;
  /** The error the command threw, when the failure escaped the steps (e.g. a cluster error): shown as a failure of the run. */
  thrown?: EventError;
}

/** Builds the report of one run. */
export function buildReport(input: ReportInput): ReportModel {
  const { events } = input;
  const started = events.find((e) => e.type === 'run.started');
  const finished = events.find((e) => e.type === 'run.finished');
  const timeline = buildTimeline(events, input.expected);
  const counts: Partial<Record<StepState, number>> = {};
  for (const lane of timeline.lanes) counts[lane.state] = (counts[lane.state] ?? 0) + 1;
  const failures = failuresOf(events);
  const t = input.thrown;
  if (t)
    failures.push({
      stepId: 'run',
      code: t.code,
      message: t.message,
      ...(t.hint ? { hint: t.hint } : {}),
      tail: t.tail ?? [],
    });
  return {
    runId: events[0]?.runId ?? input.runId ?? 'unknown',
    command: started?.command ?? 'unknown',
    outcome: finished?.outcome ?? 'unfinished',
    abandoned: finished?.abandoned === true,
    startedAt: timeline.startedAt,
    durationMs: finished?.durationMs ?? timeline.endMs,
    counts,
    ...testsOf(events),
    failures,
    ...(input.triage ? { triage: input.triage } : {}),
    hasHistory: timeline.lanes.some((l) => l.expectedMs !== undefined),
    timeline,
    actions: actionsOf(input.triage, failures),
  };
}

/** The last error of every step that ended failed. */
function failuresOf(events: readonly TarmacEvent[]): ReportFailure[] {
  const byStep = new Map<string, ReportFailure>();
  for (const e of events) {
    if (e.type !== 'step.finished') continue;
    if (e.state !== 'failed') {
      byStep.delete(e.stepId);
      continue;
    }
    const err: { code: string; message: string; hint?: string; tail?: string[] } = e.error ?? {
      code: 'FAILED',
      message: e.detail ?? 'failed',
    };
    byStep.set(e.stepId, {
      stepId: e.stepId,
      code: err.code,
      message: err.message,
      ...(err.hint ? { hint: err.hint } : {}),
      tail: err.tail ?? [],
    });
  }
  return [...byStep.values()];
}

/** The totals of the last `tests.reported` event, when tests ran. */
function testsOf(events: readonly TarmacEvent[]): { tests?: ReportTests } {
  const reported = events.filter((e) => e.type === 'tests.reported').at(-1);
  if (!reported) return {};
  const failing = reported.cases
    .filter((c) => c.status === 'failed' || c.status === 'error')
    .map((c) => ({ id: c.id, ...(c.message ? { message: c.message.split('\n')[0] } : {}) }));
  return { tests: { ...reported.totals, failing } };
}

/** Verdict actions in rank order, then each failure's hint; each once. */
function actionsOf(triage: TriageResult | undefined, failures: ReportFailure[]): string[] {
  const out: string[] = [];
  for (const v of triage?.verdicts ?? []) out.push(...v.actions);
  for (const f of failures) if (f.hint) out.push(`${f.stepId}: ${f.hint}`);
  return [...new Set(out)];
}
