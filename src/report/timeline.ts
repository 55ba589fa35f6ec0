// The timeline of one run, folded from its events: one lane per step with a bar per attempt, the
// time each attempt waited to start, incidents and probes as markers, and the expected duration
// from earlier runs. Pure: the same events give the same timeline.
import type { EventError, StepState, TarmacEvent } from '../events/types.js';

/** One attempt of a step: offsets in ms from the run's start. */
export interface TimelineAttempt {
  attempt: number;
  /** When the step could have started (its dependencies were done, or its previous attempt ended). */
  readyMs: number;
  startMs: number;
  /** Absent when the journal ends while the attempt runs (an abandoned run). */
  endMs?: number;
  /** `running` when the journal has no end for it. */
  state: StepState;
  detail?: string;
  error?: EventError;
}

/** One step's lane. */
export interface TimelineLane {
  stepId: string;
  kind: string;
  subject: string;
  attempts: TimelineAttempt[];
  /** The state the step ended in (`pending` when the journal never settled it). */
  state: StepState;
  /** When it settled without running (cached, skipped, cancelled before start). */
  settledMs?: number;
  detail?: string;
  /** Time spent running, summed over attempts (undefined when it never ran). */
  actualMs?: number;
  /** Median of earlier successful runs (history); undefined without history. */
  expectedMs?: number;
  /** actualMs - expectedMs, when both are known. */
  deltaMs?: number;
  /** Time spent ready but not started (engine capacity, host lease, engine outage), summed over attempts. */
  queuedMs: number;
}

/** An incident or a probe, placed on the lanes it names (none: the whole run). */
export interface TimelineMarker {
  type: 'incident' | 'probe';
  atMs: number;
  /** The incident kind, or `probe ok` / `probe failed`. */
  label: string;
  message: string;
  stepIds: string[];
  ok?: boolean;
  evidence: string[];
}

export interface Timeline {
  /** Epoch ms of `run.started` (or the first event). */
  startedAt: number;
  /** Offset of `run.finished` (or the last event). */
  endMs: number;
  lanes: TimelineLane[];
  markers: TimelineMarker[];
}

/** Builds the timeline of a run; `expected` maps step id → expected ms (empty without history). */
export function buildTimeline(events: readonly TarmacEvent[], expected: Readonly<Record<string, number>>): Timeline {
  const startedAt = events.find((e) => e.type === 'run.started')?.at ?? events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? startedAt;
  const endAt = events.find((e) => e.type === 'run.finished')?.at ?? last;
  const off = (at: number): number => Math.max(0, at - startedAt);
  const lanes = new Map<string, TimelineLane>();
  const deps = new Map<string, string[]>();
  // When each step last ended (any attempt): dependants become ready then.
  const lastEnd = new Map<string, number>();
  const markers: TimelineMarker[] = [];
  const lane = (stepId: string): TimelineLane => {
    let l = lanes.get(stepId);
    if (!l) {
      l = {
        stepId,
        kind: stepId.split(':')[0] ?? '',
        subject: stepId.split(':').slice(1).join(':'),
        attempts: [],
        state: 'pending',
        queuedMs: 0,
      };
      lanes.set(stepId, l);
    }
    return l;
  };
  for (const e of events) {
    if (e.type === 'run.started') {
      for (const s of e.steps) {
        Object.assign(lane(s.id), { kind: s.kind, subject: s.subject });
        deps.set(s.id, s.deps);
      }
    } else if (e.type === 'step.started') {
      const l = lane(e.stepId);
      const previous = l.attempts.at(-1);
      const readyAt =
        previous?.endMs !== undefined
          ? previous.endMs
          : Math.max(0, ...(deps.get(e.stepId) ?? []).map((d) => off(lastEnd.get(d) ?? startedAt)));
      l.attempts.push({
        attempt: e.attempt,
        readyMs: Math.min(readyAt, off(e.at)),
        startMs: off(e.at),
        state: 'running',
      });
      l.state = 'running';
    } else if (e.type === 'step.finished') {
      const l = lane(e.stepId);
      const open = l.attempts.at(-1);
      const extra = { ...(e.detail === undefined ? {} : { detail: e.detail }), ...(e.error ? { error: e.error } : {}) };
      if (open && open.endMs === undefined) Object.assign(open, { endMs: off(e.at), state: e.state, ...extra });
      else l.settledMs = off(e.at);
      l.state = e.state;
      if (e.detail !== undefined) l.detail = e.detail;
      lastEnd.set(e.stepId, e.at);
    } else if (e.type === 'incident') {
      markers.push({
        type: 'incident',
        atMs: off(e.at),
        label: e.kind,
        message: `${e.message}; ${e.action}`,
        stepIds: e.stepIds,
        evidence: e.evidence,
      });
    } else if (e.type === 'probe') {
      markers.push({
        type: 'probe',
        atMs: off(e.at),
        label: e.ok ? 'probe ok' : 'probe failed',
        message: `engine probe: ${e.detail} (${e.durationMs}ms)`,
        stepIds: e.stepId ? [e.stepId] : [],
        ok: e.ok,
        evidence: [],
      });
    }
  }
  const endMs = off(endAt);
  for (const l of lanes.values()) finishLane(l, endMs, expected[l.stepId]);
  return { startedAt, endMs, lanes: [...lanes.values()], markers };
}

/** Sums the lane's running and queued time and compares it with the expected duration. */
function finishLane(l: TimelineLane, endMs: number, expectedMs: number | undefined): void {
  if (l.attempts.length > 0) {
    l.actualMs = l.attempts.reduce((sum, a) => sum + ((a.endMs ?? endMs) - a.startMs), 0);
    l.queuedMs = l.attempts.reduce((sum, a) => sum + (a.startMs - a.readyMs), 0);
  }
  if (expectedMs !== undefined) {
    l.expectedMs = expectedMs;
    if (l.actualMs !== undefined) l.deltaMs = l.actualMs - expectedMs;
  }
}
