// Journals for report tests: a run in which the engine crashes during parallel builds, as in the seed.
import { EventBus } from '../events/bus.js';
import type { TarmacEvent } from '../events/types.js';
import type { TriageResult } from '../triage/types.js';
import type { StepKind } from '../plan/types.js';

const step = (id: string, deps: string[] = []) => ({
  id,
  kind: (id.split(':')[0] ?? 'build') as StepKind,
  subject: id.split(':')[1] ?? '',
  deps,
  claims: { engine: 1 },
  cached: false,
});

/**
 * build:a and build:b run in parallel; the engine crashes at 5 s, build:b runs again (attempt 2)
 * after the engine is back and fails; deliver:b is skipped; build:c is cached. Step ids may be hostile.
 */
export function crashRun(ids: { a?: string; b?: string; output?: string } = {}): TarmacEvent[] {
  const a = ids.a ?? 'build:a';
  const b = ids.b ?? 'build:b';
  let now = 1_000_000;
  const bus = new EventBus('20260101-120000-abcd', { now: () => now });
  const at = (ms: number): void => {
    now = 1_000_000 + ms;
  };
  bus.emit({
    type: 'run.started',
    command: 'up',
    capacity: 2,
    target: 'kind',
    engine: { type: 'podman', endpoint: '' },
    steps: [step(a), step(b), step('build:c'), step('deliver:b', [b])],
  });
  bus.emit({ type: 'step.finished', stepId: 'build:c', state: 'cached', durationMs: 0 });
  at(100);
  bus.emit({ type: 'step.started', stepId: a, claims: { engine: 1 }, attempt: 1 });
  at(200);
  bus.emit({ type: 'step.started', stepId: b, claims: { engine: 1 }, attempt: 1 });
  bus.emit({ type: 'step.output', stepId: b, line: ids.output ?? 'STEP 1/3' });
  at(5_000);
  bus.emit({
    type: 'incident',
    kind: 'engine-crash',
    cause: { type: 'engine-error', code: 'ENGINE_UNREACHABLE', engineLine: 'server probably quit' },
    message: 'the engine crashed at 12:00:05: server probably quit',
    evidence: ['podman: unexpected EOF'],
    stepIds: [a, b],
    action: 'pausing new steps',
  });
  bus.emit({
    type: 'step.finished',
    stepId: a,
    state: 'cancelled',
    durationMs: 4_900,
    detail: 'interrupted by the engine crash; runs again (attempt 2) once the engine answers',
  });
  bus.emit({
    type: 'step.finished',
    stepId: b,
    state: 'cancelled',
    durationMs: 4_800,
    detail: 'interrupted by the engine crash',
  });
  at(6_000);
  bus.emit({ type: 'probe', target: 'engine', ok: false, detail: 'connection refused', durationMs: 3 });
  at(8_000);
  bus.emit({ type: 'probe', target: 'engine', ok: true, detail: 'podman 4.3.1', durationMs: 120 });
  at(8_100);
  bus.emit({ type: 'step.started', stepId: a, claims: { engine: 1 }, attempt: 2 });
  at(9_000);
  bus.emit({ type: 'step.started', stepId: b, claims: { engine: 1 }, attempt: 2 });
  at(12_100);
  bus.emit({ type: 'step.finished', stepId: a, state: 'succeeded', durationMs: 4_000 });
  at(14_000);
  bus.emit({
    type: 'step.finished',
    stepId: b,
    state: 'failed',
    durationMs: 5_000,
    error: {
      code: 'BUILD_FAILED',
      message: `image ${b} failed to build`,
      hint: 'fix the Containerfile',
      tail: [ids.output ?? 'exit status 1'],
    },
  });
  bus.emit({
    type: 'step.finished',
    stepId: 'deliver:b',
    state: 'skipped',
    durationMs: 0,
    detail: `dependency ${b} failed`,
  });
  at(14_100);
  bus.emit({ type: 'run.finished', outcome: 'failed', durationMs: 14_100 });
  return bus.history;
}

/** A triage result in the shape triage.json holds. */
export function sampleTriage(text: { evidence?: string; action?: string } = {}): TriageResult {
  return {
    runId: '20260101-120000-abcd',
    generatedAt: 1_014_500,
    durationMs: 400,
    status: [
      { component: 'engine', status: 'ok', evidence: 'podman 4.3.1 answered in 120ms' },
      {
        component: 'kind node tarmac-control-plane',
        status: 'down',
        evidence: text.evidence ?? 'container exited (137)',
      },
    ],
    verdicts: [
      {
        ruleId: 'engine-crash',
        title: 'The engine crashed during parallel builds',
        confidence: 0.9,
        summary: 'podman quit while 2 builds ran',
        evidence: ['journal: incident engine-crash at +5.0s'],
        actions: [text.action ?? 'tarmac build --capacity 1'],
      },
    ],
    collectors: [{ name: 'engine', ok: true, timedOut: false, durationMs: 120 }],
  };
}
