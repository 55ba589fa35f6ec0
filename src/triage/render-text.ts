// The short terminal rendering printed after a failed run and by `tarmac triage`/`doctor`: the top verdict, its
// confidence, evidence and actions (or what is abnormal), and where the full triage is.
import { resemblanceLine } from './similar/resemblance-line.js';
import type { Colors } from '../ui/colors.js';
import { tableLines } from '../ui/text-table.js';
import type { ComponentRow, TriageResult } from './types.js';

const PLAIN: Colors = {
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
  cyan: (s) => s,
};

export interface TextOptions {
  colors?: Colors;
  /** Path of triage.md, shown last. */
  markdownPath?: string;
  /** Also print the status table (doctor). */
  withTable?: boolean;
}

/** The terminal text (ends with a newline). */
export function renderTriageText(result: TriageResult, options: TextOptions = {}): string {
  const c = options.colors ?? PLAIN;
  const out: string[] = [];
  if (options.withTable) out.push(...statusLines(result.status, c), '');
  const top = result.verdicts[0];
  if (top) {
    out.push(
      `${c.bold('triage:')} ${c.red(top.title)} ${c.dim(`(confidence ${Math.round(top.confidence * 100)}%, rule ${top.ruleId})`)}`,
    );
    out.push(`  ${top.summary}`);
    if (top.evidence.length > 0) out.push('  evidence:', ...top.evidence.slice(0, 6).map((e) => `    - ${e}`));
    if (top.unexplained?.length)
      out.push('  not explained by it:', ...top.unexplained.slice(0, 3).map((e) => `    - ${e}`));
    if (top.actions.length > 0) out.push('  do:', ...top.actions.map((a) => `    ${c.cyan(a)}`));
    const others = result.verdicts.slice(1);
    if (others.length > 0)
      out.push(
        c.dim(`  also possible: ${others.map((v) => `${v.title} (${Math.round(v.confidence * 100)}%)`).join('; ')}`),
      );
  } else if (result.unclassified) {
    out.push(`${c.bold('triage:')} ${c.yellow('unclassified')}: ${result.unclassified.summary}`);
    if (result.unclassified.resembles) out.push(`  ${resemblanceLine(result.unclassified.resembles)}`);
    for (const line of result.unclassified.abnormal.slice(0, 8)) out.push(`    - ${line}`);
    const look = result.unclassified.commands ?? [];
    if (look.length > 0) out.push('  look further:', ...look.slice(0, 5).map((a) => `    ${c.cyan(a)}`));
  } else {
    out.push(`${c.bold('triage:')} ${c.green('nothing abnormal found')}`);
  }
  if (!options.withTable) {
    const bad = result.status.filter((r) => r.status === 'down' || r.status === 'degraded');
    if (bad.length > 0)
      out.push('  status:', ...bad.map((r) => `    ${r.component}: ${c.red(r.status.toUpperCase())} ${r.evidence}`));
  }
  if (options.markdownPath) out.push(c.dim(`  full triage: ${options.markdownPath}`));
  return `${out.join('\n')}\n`;
}

/** The status table as aligned terminal lines. */
export function statusLines(rows: readonly ComponentRow[], c: Colors = PLAIN): string[] {
  const paint = (status: ComponentRow['status'], word: string) =>
    status === 'ok'
      ? c.green(word)
      : status === 'down'
        ? c.red(word)
        : status === 'degraded'
          ? c.yellow(word)
          : c.dim(word);
  return tableLines(
    ['COMPONENT', 'STATUS', 'EVIDENCE'],
    rows.map((r) => [r.component, r.status.toUpperCase(), r.evidence]),
    {
      // The status column is as wide as its longest word (DEGRADED), whatever this table holds.
      minWidths: [0, 8],
      cell: (padded, row, column) => (column === 1 ? paint(rows[row]!.status, padded) : padded),
      header: c.bold,
    },
  );
}
