// The one way text gets into the HTML report: every interpolation is escaped unless it is markup
// this module produced itself, so no step id, log line or message can inject tags or attributes.

/** Markup that is already safe (produced by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Marks trusted markup (constants of this module's callers, never data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Part = SafeHtml | string | number | undefined | null | false | readonly Part[];

/** Tagged template: strings and numbers are escaped, SafeHtml is kept, arrays are joined, empty values vanish. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(v: Part): string {
  if (v === undefined || v === null || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(render).join('');
  return escapeHtml(String(v));
}
