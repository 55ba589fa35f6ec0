// What the documented-forms tests share: a failure's shape (phase, output, exit code, pod) replayed through the path
// of a live failure into diagnose, as the corpus cases are (src/triage/replay/).
import type { CorpusCase } from '../replay/corpus-case.js';
import { replayCase } from '../replay/replay-case.js';

/** The parts of a corpus case a documented-form test gives. */
export type Shape = Pick<CorpusCase, 'phase' | 'output'> & Partial<Pick<CorpusCase, 'exitCode' | 'pod'>>;

/** The top verdict (rule id, confidence and summary) and the confidence of every verdict, by rule id. */
export async function diagnoseShape(shape: Shape) {
  const c: CorpusCase = {
    id: 'documented-form',
    category: 'dns',
    source: { url: 'https://example.test/documented-form' },
    rootCause: 'unit test',
    exitCode: 1,
    pod: null,
    ...shape,
  };
  const { diagnosis } = await replayCase(c);
  const top = diagnosis.verdicts[0];
  const of = (id: string) => diagnosis.verdicts.find((v) => v.ruleId === id)?.confidence ?? 0;
  return { top: top?.ruleId, confidence: top?.confidence ?? 0, summary: top?.summary ?? '', of };
}

/**
 * A podman build whose RUN step `cmd` (step `step` of the Containerfile) printed `lines` and exited `exitCode`,
 * followed by the builder's own report of the failed step.
 */
export function failedRunStep(cmd: string, lines: readonly string[], step = '3/6', exitCode = 1): Shape {
  return {
    phase: 'build',
    exitCode,
    output: [
      `STEP ${step}: RUN ${cmd}`,
      ...lines,
      `Error: building at STEP "RUN ${cmd}": while running runtime: exit status ${exitCode}`,
    ].join('\n'),
  };
}

/** A deploy whose pod `name` stays Pending, waiting for `waiting`, with one Warning event `reason` of this message. */
export function podEvent(name: string, waiting: string, reason: string, message: string): Shape {
  return {
    phase: 'deploy',
    output: message,
    pod: { name, phase: 'Pending', waiting: { reason: waiting }, events: [{ type: 'Warning', reason, message }] },
  };
}

/** A deploy whose pod stays Pending with this FailedScheduling message. */
export function pending(message: string): Shape {
  return {
    phase: 'deploy',
    output: message,
    pod: { phase: 'Pending', events: [{ type: 'Warning', reason: 'FailedScheduling', message }] },
  };
}
