// The text a failure is compared with known reports by: the tools' output the rules read (failed steps' tails and
// logs, failing pods' events and logs, controllers' warnings; never tarmac's own messages), the failing pods'
// reasons, and the abnormal lines of kind's exported node logs. Pure.
import { toolOutput } from '../rules/infra-markers.js';
import type { TriageInput } from '../types.js';

/** At most this many lines, the last ones: a failure's cause is near its end, and a huge log must not cost seconds. */
export const MAX_LINES = 400;

/** Of each line, at most this many characters (a minified file or a base64 blob is one line). */
export const MAX_LINE_LENGTH = 1000;

/** The failure's own output, one line per line, for failureTokens. */
export function failureText(input: TriageInput): string {
  const { evidence } = input;
  const lines = toolOutput(input).map((l) => l.text);
  for (const p of evidence.workloads?.data?.pods ?? []) if (!p.ready) lines.push(...p.reasons);
  for (const l of evidence.kindLogs?.data?.lines ?? []) lines.push(l.text);
  return lines
    .slice(-MAX_LINES)
    .map((l) => l.slice(0, MAX_LINE_LENGTH))
    .join('\n');
}
