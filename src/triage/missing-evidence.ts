// Evidence a collector could not give (it timed out, retry included, or failed). Triage says so where it matters:
// in the status table, on every verdict reached without it, and in "unclassified" with the rules it kept from
// checking. A starved collector then lowers what triage knows instead of silently changing its answer.
import type { CollectorRun, Evidence, MissingEvidence, TriageInput } from './types.js';

/** A collector run that gave no facts, as the typed fact rules and the status table read. */
export function missingFact(run: CollectorRun<unknown>): MissingEvidence {
  return {
    collector: run.name,
    timedOut: run.timedOut,
    budgetMs: run.budgetMs ?? run.durationMs,
    attempts: run.attempts ?? 1,
    ...(run.error ? { error: run.error } : {}),
  };
}

/** One line, e.g. `workloads evidence is missing (collector timed out twice, 11.0s in all)`. */
export function describeMissing(m: MissingEvidence): string {
  const secs = `${(m.budgetMs / 1000).toFixed(1)}s`;
  const why = m.timedOut
    ? `timed out ${m.attempts > 1 ? `twice, ${secs} in all` : `after ${secs}`}`
    : `failed: ${m.error ?? 'no detail'}`;
  return `${m.collector} evidence is missing (collector ${why})`;
}

/** The missing evidence whose collector names are in `read`. */
export function missingAmong(evidence: Evidence, read: ReadonlySet<string>): MissingEvidence[] {
  return (evidence.missing ?? []).filter((m) => read.has(m.collector));
}

/**
 * The input with its evidence watched: after a rule ran on `input`, `read()` names the evidence fields it looked
 * at. Why a Proxy: which collectors a rule depends on is then measured, not declared in a list that can drift.
 */
export function watchEvidence(input: TriageInput): { input: TriageInput; read: () => ReadonlySet<string> } {
  const read = new Set<string>();
  const evidence = new Proxy(input.evidence, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') read.add(prop);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { input: { ...input, evidence }, read: () => read };
}
