// Shared matcher for rules that read a failed `kind create cluster` (the cluster step's error and output).
import type { TriageInput } from '../types.js';
import { failureLinesMatching, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

/** Quoted lines of a failed cluster step that match `re`; empty when the cluster step did not fail so. */
export function createFailureLines(input: TriageInput, re: RegExp, max = 3): string[] {
  return failureLinesMatching(input, re, max, ['cluster']);
}

/** Whether the run's cluster step failed (create, reuse, readiness). */
export function clusterStepFailed(input: TriageInput): boolean {
  return failedSteps(input.run).some((f) => f.kind === 'cluster');
}

/**
 * Quoted abnormal lines of the nodes' exported logs (`kind export logs`) that match `re`, first `max`; only when
 * the cluster step failed. Why: every node's kubelet complains while it boots (no CNI yet, the API not up), so in a
 * cluster that came up those lines are normal and speak for nothing.
 */
export function kindLogLines(input: TriageInput, re: RegExp, max = 3): string[] {
  if (!clusterStepFailed(input)) return [];
  const out: string[] = [];
  for (const l of input.evidence.kindLogs?.data?.lines ?? []) {
    if (!re.test(l.text)) continue;
    out.push(quote(`kind-logs ${l.file}`, l.text));
    if (out.length >= max) break;
  }
  return out;
}
