// Checks a triage result against a scenario's expectation; returns what does not hold (empty: all good). Pure and
// free of vitest, so the record script, the replay test and the e2e files share it.
import type { ComponentRow, TriageResult, Verdict } from '../../src/triage/types.js';
import type { Expectation, Patterns } from './scenario.js';

/** The parts of a triage the expectation reads (a TriageResult, or a replayed diagnosis with its status table). */
export type Judged = Pick<TriageResult, 'verdicts' | 'unclassified'> & { status?: ComponentRow[] };

/** Every way `triage` misses `exp`, one line each. */
export function unmet(triage: Judged, exp: Expectation): string[] {
  const out: string[] = [];
  const top = triage.verdicts[0];
  if (exp.top === 'unclassified') {
    if (top) out.push(`top verdict is ${top.ruleId}, expected none (unclassified)`);
    out.push(...mismatch('unclassified.summary', triage.unclassified?.summary ?? '', exp.summary));
    out.push(...mismatch('unclassified.abnormal', triage.unclassified?.abnormal.join('\n') ?? '', exp.abnormal));
    return out;
  }
  if (top?.ruleId !== exp.top) return [`top verdict is ${top?.ruleId ?? 'none'}, expected ${exp.top}`];
  if (top.evidence.length === 0) out.push('the top verdict has no evidence');
  out.push(
    ...mismatch('summary', top.summary, exp.summary),
    ...mismatch('evidence', top.evidence.join('\n'), exp.evidence),
  );
  out.push(...mismatch('actions', top.actions.join('\n'), exp.actions));
  if (exp.minConfidence !== undefined && top.confidence < exp.minConfidence)
    out.push(`confidence ${top.confidence} is below ${exp.minConfidence}`);
  for (const id of exp.also ?? [])
    if (!triage.verdicts.some((v) => v.ruleId === id)) out.push(`${id} is not among the verdicts`);
  for (const [id, limit] of Object.entries(exp.below ?? {})) {
    const v: Verdict | undefined = triage.verdicts.find((x) => x.ruleId === id);
    if (v && v.confidence >= limit) out.push(`${id} has confidence ${v.confidence}, expected below ${limit}`);
  }
  for (const [component, status] of Object.entries(exp.status ?? {})) {
    const row = triage.status?.find((r) => r.component === component);
    if (row?.status !== status) out.push(`status of ${component} is ${row?.status ?? 'absent'}, expected ${status}`);
  }
  return out;
}

function mismatch(field: string, text: string, patterns: Patterns | undefined): string[] {
  return [patterns ?? []].flat().flatMap((p) => one(field, text, p));
}

function one(field: string, text: string, pattern: string | undefined): string[] {
  return pattern === undefined || new RegExp(pattern).test(text)
    ? []
    : [`${field} does not match /${pattern}/: ${text}`];
}
