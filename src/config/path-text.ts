// Rendering of document paths (`images[1].weight`) and of values for messages (`got \`0\``).

/** One step into the document: a mapping key or a list index. */
export type PathKey = string | number;

/** Formats a document path as `images[1].weight`; keys that are not plain words are quoted. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** The value at `path` inside plain data, or undefined when the path does not exist. */
export function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

/** Describes a value for `got ...`: `x` in backticks for scalars and short lists, words otherwise. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `\`${truncate(value)}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) {
    const json = JSON.stringify(value);
    return json.length <= 40 ? `\`${json}\`` : `a list of ${value.length} items`;
  }
  return 'a mapping';
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
