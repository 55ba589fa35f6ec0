// The text a failure is compared with known reports by: the tools' output the rules read (failed steps' tails and
// logs, failing pods' events and logs, controllers' warnings; never tarmac's own messages), the failing pods'
// reasons, and the abnormal lines of kind's exported node logs. Pure.
import { toolOutput } from '../rules/infra-markers.js';
import type { TriageInput } from '../types.js';

/** The failure's own output, one line per line, for failureTokens. */
export function failureText(input: TriageInput): string {
  const { evidence } = input;
  const lines = toolOutput(input).map((l) => l.text);
  for (const p of evidence.workloads?.data?.pods ?? []) if (!p.ready) lines.push(...p.reasons);
  for (const l of evidence.kindLogs?.data?.lines ?? []) lines.push(l.text);
  return lines.join('\n');
}
