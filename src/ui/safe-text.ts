// Text from outside tarmac (step output, test names, config values, error messages) printed on a terminal must not
// drive it: an escape sequence could recolour, move the cursor, retitle the window, hide a line or fake another.
// Control characters are shown as visible escapes instead (`\x1b[2J`, `\r`), so they can still be read.

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder what is shown.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every terminal control character replaced by a visible escape (`\x1b`, `\r`, `\u202e`). */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\r') return '\\r';
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** The same for every string inside a JSON-like value (an event, before a view prints it). */
export function safeDeep<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => safeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = safeDeep(v);
    return out as T;
  }
  return value;
}
