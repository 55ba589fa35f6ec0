// A public report as a known report (known-index.ts): the lines of its output tarmac itself would have seen (a
// report's shell prompts and host journal lines are not a failure's output), the journal lines of the daemons inside
// a kind node (what `kind export logs` gives triage; a live failure brings only the abnormal ones, which those
// lines include), and its pod's reasons, messages and events. The same fields as a corpus case
// (test/corpus/README.md), validated one by one when read from dist/known-reports.json. Pure.
import { z } from 'zod';
import { nodeLogs, visibleLines } from './visible-output.js';
import type { KnownReport } from './known-index.js';

/** The fields a known report is made from: one entry of dist/known-reports.json, one corpus case. */
export const reportSourceSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  source: z.object({ url: z.string().min(1) }),
  rootCause: z.string().min(1),
  output: z.string(),
  pod: z
    .object({
      waiting: z.object({ reason: z.string(), message: z.string().optional() }).nullable().optional(),
      terminated: z.object({ reason: z.string().optional() }).nullable().optional(),
      events: z.array(z.object({ reason: z.string().optional(), message: z.string() })).optional(),
    })
    .nullable()
    .optional(),
});

export type ReportSource = z.infer<typeof reportSourceSchema>;

/** The report as the index compares it. */
export function toKnownReport(c: ReportSource): KnownReport {
  const pod = c.pod;
  const podLines = pod
    ? [
        pod.waiting?.reason,
        pod.waiting?.message,
        pod.terminated?.reason,
        ...(pod.events ?? []).map((e) => `${e.reason ?? ''} ${e.message}`),
      ]
    : [];
  const nodeLines = nodeLogs(c.output).get('journal.log') ?? [];
  const text = [...visibleLines(c.output), ...nodeLines, ...podLines.filter((l) => l !== undefined)].join('\n');
  return { id: c.id, category: c.category, url: c.source.url, cause: c.rootCause, text };
}
