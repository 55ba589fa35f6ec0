// Shared matcher for rules that read a failed `kind create cluster` (the cluster step's error and output).
import type { TriageInput } from '../types.js';
import { failureLinesMatching } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

/** Quoted lines of a failed cluster step that match `re`; empty when the cluster step did not fail so. */
export function createFailureLines(input: TriageInput, re: RegExp, max = 3): string[] {
  return failureLinesMatching(input, re, max, ['cluster']);
}

/** Whether the run's cluster step failed (create, reuse, readiness). */
export function clusterStepFailed(input: TriageInput): boolean {
  return failedSteps(input.run).some((f) => f.kind === 'cluster');
}
