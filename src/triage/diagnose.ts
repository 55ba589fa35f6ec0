// Runs every rule over the evidence and the journal, ranks the verdicts, and says what is abnormal when none fits.
import { RULES } from './rules/index.js';
import { failedSteps, incidents } from './rules/journal-facts.js';
import { quote } from './rules/evidence-facts.js';
import type { MissingEvidence, Rule, TriageInput, Unclassified, Verdict } from './types.js';
import { penaliseUnexplained, shareConfidence } from './calibrate.js';
import { infraMarkers } from './rules/infra-markers.js';
import { lookFurther } from './look-further.js';
import { describeMissing, missingAmong, watchEvidence } from './missing-evidence.js';
import type { KnownIndex } from './similar/known-index.js';
import { resemblance } from './similar/similar-lead.js';

/** Verdicts below this confidence are dropped: a weak guess is worse than "unclassified". */
export const CONFIDENCE_FLOOR = 0.3;

export interface Diagnosis {
  verdicts: Verdict[];
  /** Only when no verdict: what is abnormal and the commands to look further (TriageResult.unclassified). */
  unclassified?: Unclassified;
  /** Rules that threw (skipped), one `triage rule <id>: failed: ...` line each; also in `abnormal` when unclassified. */
  ruleErrors?: string[];
}

/**
 * Runs every rule (a rule that throws is skipped and reported as abnormal), lowers each match that leaves an
 * infrastructure marker of the output unexplained, keeps those at or above the floor, ranks them by confidence
 * (ties broken by causal order: RULES lists causes before consequences) and shares 100% among them, strongest
 * first (calibrate.ts). A verdict reached without evidence its rule reads (a collector that timed out or failed)
 * says what was missing, as evidence lines. When no rule fits a run that failed, "unclassified" names the most
 * similar public report of `knownReports` (read only then) as a lead, when one is alike enough (similar/).
 */
export function diagnose(
  input: TriageInput,
  rules: readonly Rule[] = RULES,
  knownReports?: () => KnownIndex | undefined,
): Diagnosis {
  const found: { verdict: Verdict; order: number }[] = [];
  const broken: string[] = [];
  const markers = infraMarkers(input);
  const unchecked = new Map<MissingEvidence, string[]>();
  rules.forEach((rule, order) => {
    try {
      const watched = watchEvidence(input);
      const match = rule.match(watched.input);
      const gaps = missingAmong(input.evidence, watched.read());
      const missing = gaps.map((m) => quote('missing', `${describeMissing(m)}: this verdict was reached without it`));
      const verdict =
        match &&
        penaliseUnexplained(
          { ruleId: rule.id, title: rule.title, ...match, evidence: [...match.evidence, ...missing] },
          markers,
        );
      if (verdict && verdict.confidence >= CONFIDENCE_FLOOR) found.push({ verdict, order });
      else for (const m of gaps) unchecked.set(m, [...(unchecked.get(m) ?? []), rule.id]);
    } catch (err) {
      broken.push(quote(`triage rule ${rule.id}`, `failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  });
  const verdicts = shareConfidence(
    found
      .sort((a, b) => round(b.verdict.confidence) - round(a.verdict.confidence) || a.order - b.order)
      .map((f) => f.verdict),
  );
  const errors = broken.length > 0 ? { ruleErrors: broken } : {};
  if (verdicts.length > 0) return { verdicts, ...errors };
  // Not quote(): the whole list of rules that could not check is the point of the line.
  const blind = [...unchecked].map(
    ([m, ids]) => `missing: ${describeMissing(m)}: not checked without it: ${ids.join(', ')}`,
  );
  const abnormal = [...abnormalities(input), ...markers.map((m) => `${m.label}: ${m.line}`), ...blind, ...broken];
  // Only for a failure: a healthy env (doctor, status) has nothing to resemble.
  const index = failedSteps(input.run).length > 0 ? knownReports?.() : undefined;
  const resembles = index && resemblance(input, index);
  return {
    verdicts,
    unclassified: {
      summary: unclassifiedSummary(input, abnormal, blind),
      abnormal,
      commands: lookFurther(input),
      ...(resembles ? { resembles } : {}),
    },
    ...errors,
  };
}

function round(n: number): number {
  return Math.round(n * 100);
}

/** Everything that looks wrong, from the journal and the evidence, for the reader to start from. */
export function abnormalities(input: TriageInput): string[] {
  const { run, evidence } = input;
  const lines: string[] = [];
  for (const f of failedSteps(run)) {
    lines.push(
      quote(`journal ${f.stepId}`, `failed: ${f.error ? `[${f.error.code}] ${f.error.message}` : 'no error recorded'}`),
    );
    const tail = (f.error?.tail ?? []).filter((l) => l.trim() !== '').slice(-2);
    for (const t of tail) lines.push(quote(`${f.stepId} output`, t));
  }
  for (const i of incidents(run)) lines.push(quote(`journal incident ${i.kind}`, i.message));
  const e = evidence.engine?.data;
  if (e && !e.reachable)
    lines.push(quote('engine', `${e.name} ${e.hung ? 'hangs' : 'is unreachable'}${e.error ? `: ${e.error}` : ''}`));
  for (const c of evidence.clusters?.data ?? []) {
    for (const n of c.nodes.filter((node) => node.state !== 'running'))
      lines.push(quote('clusters', `${c.name}: node ${n.name} is ${n.state}`));
    if (c.api && !c.api.ok) lines.push(quote('api', `${c.name}: ${c.api.detail}`));
  }
  for (const p of evidence.ports?.data?.ports ?? [])
    if (p.inUse && p.ours !== true)
      lines.push(quote('ports', `${p.port} in use${p.by ? ` by ${p.by}` : ''} (wanted by ${p.wantedBy})`));
  for (const p of evidence.workloads?.data?.pods ?? [])
    if (!p.ready)
      lines.push(quote(`pod ${p.name}`, `${p.phase}${p.reasons.length > 0 ? `: ${p.reasons.join(', ')}` : ''}`));
  for (const [name, c] of Object.entries(evidence)) {
    if (typeof c === 'object' && c !== null && 'ok' in c && !c.ok)
      lines.push(quote(`collector ${name}`, c.timedOut ? 'timed out' : (c.error ?? 'failed')));
  }
  return lines;
}

function unclassifiedSummary(input: TriageInput, abnormal: string[], blind: string[]): string {
  const failed = failedSteps(input.run);
  if (failed.length === 0 && abnormal.length === 0) return 'No rule matched and nothing abnormal was found.';
  const codes = [...new Set(failed.map((f) => f.error?.code ?? '?'))];
  const missing = (input.evidence.missing ?? []).map((m) => m.collector);
  // Why: with evidence missing, "no rule matches" may only mean "no rule could see it"; the reader must know.
  const caveat =
    blind.length > 0 ? ` Evidence is missing (${missing.join(', ')}): rules that read it could not check.` : '';
  return `No known failure mode matches${failed.length > 0 ? `: ${failed.length} step(s) failed (${codes.join(', ')})` : ''}; the abnormal findings below are where to start.${caveat}`;
}
