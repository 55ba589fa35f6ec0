// PURE: the annotations of a finished run: one per failed step (on its config line), one per failing
// test case (on its source file when JUnit names it), and the triage verdict. GitHub Actions gets
// `::error` workflow commands; any other CI gets the same as plain lines.
import { resemblanceLine } from '../triage/similar/resemblance-line.js';
import type { CiRun } from './ci-run.js';
import { workflowCommand, type AnnotationLevel } from './escape.js';

/** At most this many test annotations: GitHub shows 10 errors per step anyway; the rest is summarised. */
export const MAX_TEST_ANNOTATIONS = 10;

interface Annotation {
  level: AnnotationLevel;
  file?: string;
  line?: number;
  title: string;
  message: string;
}

/** One line per annotation, `::error ...` under GitHub Actions, `error: file:line: title: message` elsewhere. */
export function renderAnnotations(run: CiRun, github: boolean): string[] {
  return annotationsOf(run).map((a) => (github ? workflowCommand(a.level, a, a.message) : plainLine(a)));
}

function annotationsOf(run: CiRun): Annotation[] {
  const out: Annotation[] = [];
  for (const step of run.steps) {
    if (step.state !== 'failed') continue;
    const message = [
      step.error?.message ?? step.detail ?? 'failed',
      ...(step.error?.hint ? [`hint: ${step.error.hint}`] : []),
    ].join('\n');
    out.push({
      level: 'error',
      file: run.configFile,
      ...(step.line !== undefined ? { line: step.line } : {}),
      title: `tarmac ${run.command}: ${step.id} failed${step.error ? ` [${step.error.code}]` : ''}`,
      message,
    });
  }
  const failing = run.tests?.failing ?? [];
  for (const c of failing.slice(0, MAX_TEST_ANNOTATIONS)) {
    out.push({
      level: 'error',
      ...(c.file !== undefined ? { file: c.file } : {}),
      title: `test ${c.status === 'error' ? 'error' : 'failed'}: ${c.id}`,
      message: c.message ?? `${c.id} ${c.status}`,
    });
  }
  if (failing.length > MAX_TEST_ANNOTATIONS) {
    out.push({
      level: 'warning',
      title: 'more failing tests',
      message: `${failing.length - MAX_TEST_ANNOTATIONS} more failing test(s); see the job summary or the JUnit report`,
    });
  }
  const verdict = run.triage?.verdicts[0];
  if (verdict) {
    const actions = verdict.actions.map((a) => `- ${a}`);
    out.push({
      level: 'error',
      title: `tarmac triage: ${verdict.title} (${percent(verdict.confidence)} confidence)`,
      message: [verdict.summary, ...(actions.length > 0 ? ['actions:', ...actions] : [])].join('\n'),
    });
  } else if (run.triage?.unclassified) {
    out.push({
      level: 'warning',
      title: 'tarmac triage: unclassified',
      message: [
        run.triage.unclassified.summary,
        ...(run.triage.unclassified.resembles ? [resemblanceLine(run.triage.unclassified.resembles)] : []),
        ...run.triage.unclassified.abnormal.map((a) => `- ${a}`),
      ].join('\n'),
    });
  }
  return out;
}

function plainLine(a: Annotation): string {
  const where = a.file !== undefined ? `${a.file}${a.line !== undefined ? `:${a.line}` : ''}: ` : '';
  // Plain CI logs keep one annotation per line: later lines are indented under it.
  return `${a.level}: ${where}${a.title}: ${a.message.split('\n').join('\n    ')}`;
}

/** 0.92 -> "92%". */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
