// What the rules read from the journal: failed steps with their kind, incidents, probes and test results. Pure.
import type { ErrorFact } from '../../errors/error-facts.js';
import type { EventError, IncidentKind, TarmacEvent } from '../../events/types.js';
import type { StepKind } from '../../plan/types.js';
import { stepLogName } from '../../journal/run-dir.js';
import { suiteTestStepId } from '../../plan/suites-plan.js';
import type { RunFacts } from '../types.js';

export type Incident = Extract<TarmacEvent, { type: 'incident' }>;
type TestsReported = Extract<TarmacEvent, { type: 'tests.reported' }>;

/** A step whose last `step.finished` says failed. */
export interface FailedStep {
  stepId: string;
  kind: StepKind | undefined;
  subject: string | undefined;
  at: number;
  error: EventError | undefined;
}

/** The kind and subject of every step the run planned (from `run.started`). */
export function planned(run: RunFacts): Map<string, { kind: StepKind; subject: string }> {
  const steps = new Map<string, { kind: StepKind; subject: string }>();
  for (const e of run.events)
    if (e.type === 'run.started') for (const s of e.steps) steps.set(s.id, { kind: s.kind, subject: s.subject });
  return steps;
}

/** The kind of a step id: from the plan, else its `kind:` prefix (build:api). */
export function kindOf(run: RunFacts, stepId: string): StepKind | undefined {
  const known = planned(run).get(stepId)?.kind;
  if (known) return known;
  const prefix = stepId.split(':')[0];
  return (['build', 'cluster', 'deliver', 'deploy', 'hook', 'test'] as const).find((k) => k === prefix);
}

/** Steps whose final state is failed, in the order they failed. */
export function failedSteps(run: RunFacts): FailedStep[] {
  const last = new Map<string, Extract<TarmacEvent, { type: 'step.finished' }>>();
  for (const e of run.events) if (e.type === 'step.finished') last.set(e.stepId, e);
  const plan = planned(run);
  return [...last.values()]
    .filter((e) => e.state === 'failed')
    .sort((a, b) => a.at - b.at)
    .map((e): FailedStep => ({
      stepId: e.stepId,
      kind: kindOf(run, e.stepId),
      subject: plan.get(e.stepId)?.subject,
      at: e.at,
      error: e.error,
    }))
    .concat(thrownStep(run));
}

/** An error the command threw past the journal, as a pseudo step `run` (its kind guessed from its code). */
function thrownStep(run: RunFacts): FailedStep[] {
  const t = run.thrown;
  if (!t) return [];
  const kind = KIND_BY_CODE.find(([re]) => re.test(t.code))?.[1];
  const at = run.events.findLast((e) => e.type === 'run.finished')?.at ?? run.events.at(-1)?.at ?? 0;
  return [
    {
      stepId: 'run',
      kind,
      subject: undefined,
      at,
      error: t,
    },
  ];
}

const KIND_BY_CODE: [RegExp, StepKind][] = [
  [/^(CLUSTER_|KIND_NOT|NODE_)/, 'cluster'],
  [/^(DEPLOY_|IMAGE_PULL|CONTAINER_START)/, 'deploy'],
  [/^(BUILD_|CONTEXT_|CONTAINERFILE_)/, 'build'],
  [/^(TEST|JUNIT)/, 'test'],
  [/^HOOK_/, 'hook'],
];

/** Every failure of any attempt (a requeued build's first attempt too). */
export function allFailures(run: RunFacts): FailedStep[] {
  const plan = planned(run);
  return run.events.flatMap((e) =>
    e.type === 'step.finished' && e.state === 'failed'
      ? [
          {
            stepId: e.stepId,
            kind: kindOf(run, e.stepId),
            subject: plan.get(e.stepId)?.subject,
            at: e.at,
            error: e.error,
          },
        ]
      : [],
  );
}

/** Incidents of the run, optionally of some kinds. */
export function incidents(run: RunFacts, ...kinds: IncidentKind[]): Incident[] {
  return run.events.filter(
    (e): e is Incident => e.type === 'incident' && (kinds.length === 0 || kinds.includes(e.kind)),
  );
}

/** The last tests.reported event. */
export function testsReported(run: RunFacts): TestsReported | undefined {
  return run.events.filter((e): e is TestsReported => e.type === 'tests.reported').at(-1);
}

/** The run's outcome, when it finished. */
export function outcome(run: RunFacts): 'succeeded' | 'failed' | 'cancelled' | undefined {
  const finished = run.events.findLast((e) => e.type === 'run.finished');
  return finished?.type === 'run.finished' ? finished.outcome : undefined;
}

/** The capacity the run started with. */
export function startCapacity(run: RunFacts): number | undefined {
  const started = run.events.find((e) => e.type === 'run.started');
  return started?.type === 'run.started' ? started.capacity : undefined;
}

/** The typed fact of a failed step's error, when it is one of `type`. */
export function errorFact<T extends ErrorFact['type']>(
  step: FailedStep,
  type: T,
): Extract<ErrorFact, { type: T }> | undefined {
  const fact = step.error?.fact;
  return fact !== undefined && isFact(fact, type) ? fact : undefined;
}

function isFact<T extends ErrorFact['type']>(fact: ErrorFact, type: T): fact is Extract<ErrorFact, { type: T }> {
  return fact.type === type;
}

/** One line of a failed step: its error's message (tarmac's words), the error's output tail, or its log. */
export interface StepLine {
  source: string;
  text: string;
  part: 'message' | 'tail' | 'log';
}

/** The lines of a step's error and of its log tail, each with where it came from; hints are left out (they are advice, not evidence). */
export function stepLines(run: RunFacts, step: FailedStep): StepLine[] {
  const lines: StepLine[] = [];
  if (step.error) {
    lines.push({ source: `${step.stepId} [${step.error.code}]`, text: step.error.message, part: 'message' });
    for (const t of step.error.tail ?? []) lines.push({ source: `${step.stepId} output`, text: t, part: 'tail' });
  }
  for (const t of run.stepLogs[step.stepId] ?? [])
    lines.push({ source: `steps/${stepLogName(step.stepId)}`, text: t, part: 'log' });
  return lines;
}

/**
 * The command that runs the run's test step again: `tarmac test --suite X` when the step was suite X's (a suites run
 * or `tarmac test --suite X`), else `tarmac test`.
 */
export function testAgainCommand(run: RunFacts): string {
  const suite = [...planned(run)].find(([id, s]) => s.kind === 'test' && id === suiteTestStepId(s.subject))?.[1];
  return suite ? `tarmac test --suite ${suite.subject}` : 'tarmac test';
}
