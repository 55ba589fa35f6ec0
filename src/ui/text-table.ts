// tarmac's one text table: columns padded to their widest cell, two spaces apart, the last column unpadded.
// Used by history, stats, plan, and the triage status table (status, doctor, triage). Pure.
// Cells hold outside text (test names, commands, evidence): escaped here, before widths are measured, so no table
// can drive the terminal; styling (`cell`, `header`) is applied after, so tarmac's own colours still render.
import { safeText } from './safe-text.js';

export interface TableOptions {
  /** Least width of each column (e.g. to keep a status column steady whatever words it holds). */
  minWidths?: readonly number[];
  /** Styles a padded body cell (colours); the padding is measured on the plain text first. */
  cell?: (padded: string, row: number, column: number) => string;
  /** Styles the whole header line. */
  header?: (line: string) => string;
}

/** Aligned lines: the header, then one line per row; trailing spaces are trimmed. */
export function tableLines(
  rawHeader: readonly string[],
  rawRows: readonly (readonly string[])[],
  options: TableOptions = {},
): string[] {
  const header = rawHeader.map(safeText);
  const rows = rawRows.map((row) => row.map(safeText));
  const widths = header.map((h, i) =>
    Math.max(options.minWidths?.[i] ?? 0, h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const pad = (cells: readonly string[], style: (padded: string, column: number) => string) =>
    cells
      .map((c, i) => style(i === cells.length - 1 ? c : c.padEnd(widths[i]!), i))
      .join('  ')
      .trimEnd();
  const head = pad(header, (padded) => padded);
  return [
    options.header ? options.header(head) : head,
    ...rows.map((row, r) => pad(row, (padded, column) => options.cell?.(padded, r, column) ?? padded)),
  ];
}

/** The table as one string, lines joined by newlines. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options?: TableOptions): string {
  return tableLines(header, rows, options).join('\n');
}
