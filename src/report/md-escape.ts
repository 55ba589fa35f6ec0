// Text from outside (test names, messages, step ids, output) placed in markdown: report.md and the GitHub job
// summary. It must stay text: no link, image, emphasis, raw HTML, table break or early end of a code span or block,
// and no terminal control character (report.md is also printed on the terminal).
import { safeText } from '../ui/safe-text.js';

/**
 * Inline text safe in markdown, table cells too: one line; backslashes, backticks, pipes and angle brackets escaped
 * (no code span, table break, raw HTML or autolink), and a `]` that would close a link or an image before `(` or
 * `[` escaped too. Escapes stay readable in a terminal, where this report is printed.
 */
export function mdText(text: string): string {
  return safeText(text)
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`|<>])/g, '\\$1')
    .replace(/\](?=[([])/g, '\\]');
}

/**
 * An inline code span no content can break: the fence is one backtick longer than any backtick run inside.
 * Pipes stay escaped (a GitHub table splits cells before it reads code spans); nothing else is escaped in code.
 */
export function mdCode(text: string): string {
  const inner = safeText(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space keeps a leading or trailing backtick of the content apart from the fence (and is stripped on render).
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** A fenced code block that no line of `lines` can close early (the fence is longer than any backtick run in them). */
export function codeBlock(lines: readonly string[]): string[] {
  const safe = lines.map((l) => safeText(l.replace(/\r/g, '')));
  const longest = Math.max(0, ...safe.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...safe, fence];
}
