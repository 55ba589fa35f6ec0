// A corpus case as a known report (known-index.ts): the lines of its output tarmac itself would have seen (a
// report's shell prompts and host journal lines are not a failure's output) and its pod's reasons, messages and
// events. Pure.
import type { CorpusCase } from '../replay/corpus-case.js';
import { nodeLogs, visibleLines } from '../replay/visible-output.js';
import type { KnownReport } from './known-index.js';

/** The fields of a corpus case a known report is made from (dist/known-reports.json holds these). */
export type ReportSource = Pick<CorpusCase, 'id' | 'category' | 'source' | 'rootCause' | 'output' | 'pod'>;

/** The case as a known report. */
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
  const nodeLines = [...(nodeLogs(c.output).get('journal.log') ?? [])];
  const text = [...visibleLines(c.output), ...nodeLines, ...podLines.filter((l) => l !== undefined)].join('\n');
  return { id: c.id, category: c.category, url: c.source.url, cause: c.rootCause, text };
}
