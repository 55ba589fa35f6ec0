// Turns zod issues into findings: one per unknown key (with "did you mean"), one per other
// issue, each message ending in `got ...` and carrying a hint where a fix can be named.
import type { z } from 'zod';
import { describeValue, formatPath, valueAt } from './path-text.js';
import type { PathKey } from './path-text.js';
import { allowedKeys, describeAt } from './schema-walk.js';
import { closestMatch, suggestionHint } from './suggest.js';
import { derivedNames } from './names.js';
import { isRawMap } from './rules/raw.js';
import type { Finding } from './finding.js';

const NAME_HINT =
  'Use lowercase letters and digits joined by single ".", "_" or "-", e.g. `api-gateway`: image names are also image repositories and labels.';
const DNS_NAME_HINT = 'Use lowercase letters, digits and "-", e.g. `shop-e2e`.';
const DURATION_HINT = 'Units are ms, s, m and h, and combine like "1h30m"; a plain number means seconds.';
const POSITIVE_DURATION_HINT = 'Use a duration greater than zero, such as "90s" or "15m".';
const LONG_DURATION_HINT = 'No step may wait longer than 7 days; use a shorter limit such as "24h".';
const ROOT_HINT = 'Start with `name: <environment name>`, then add `images`, `deploy` and `test`.';

// Fixes worth naming for particular keys, by schema path with list indexes dropped.
const FIX_HINTS: Record<string, string> = {
  'images.weight':
    'Use 1 for an ordinary build and more for heavy ones; the weight is the engine units the build claims while it runs.',
  'build.capacity': 'Use at least 1: the engine units that may be in use at once (2 suits most machines).',
  'test.command': 'Write the command as an argv list, e.g. `command: [node, suite.mjs]`.',
};

/** Findings for every issue of a failed parse of `data`. */
export function issueFindings(issues: readonly z.core.$ZodIssue[], data: unknown): Finding[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownKey(path, key));
    return [valueFinding(issue, path, data)];
  });
}

// The env name and cluster name end up in hostnames and labels: show what tarmac derives from them.
function envNameHint(issue: z.core.$ZodIssue, data: unknown, path: PathKey[]): string | undefined {
  const at = path.join('.');
  if (at !== 'name' && at !== 'cluster.name') return undefined;
  if (issue.code !== 'invalid_format' && issue.code !== 'too_big') return undefined;
  const env = isRawMap(data) && typeof data.name === 'string' ? data.name : '<name>';
  const cluster = isRawMap(data) && isRawMap(data.cluster) ? data.cluster.name : undefined;
  const names = derivedNames(env, typeof cluster === 'string' ? cluster : undefined).join(', ');
  return `${DNS_NAME_HINT} Derived names, each a hostname or label of at most 63 characters: ${names}.`;
}

function unknownKey(path: PathKey[], key: string): Finding {
  const hint = suggestionHint(key, allowedKeys(path), 'Allowed keys here');
  return { path: [...path, key], atKey: true, message: `Unknown key \`${key}\``, ...(hint ? { hint } : {}) };
}

function valueFinding(issue: z.core.$ZodIssue, path: PathKey[], data: unknown): Finding {
  const value = valueAt(data, path);
  let message = issue.message;
  // Messages written in schema.ts say what was expected; add what was found, once.
  if (message.startsWith('Expected') && !message.includes(', got ')) message += `, got ${describeValue(value)}`;
  const hint = envNameHint(issue, data, path) ?? hintFor(issue, path, value);
  return { path, message, ...(hint ? { hint } : {}) };
}

function hintFor(issue: z.core.$ZodIssue, path: PathKey[], value: unknown): string | undefined {
  if (/positive duration/.test(issue.message)) return POSITIVE_DURATION_HINT;
  if (/at most 7 days/.test(issue.message)) return LONG_DURATION_HINT;
  if (/duration/.test(issue.message)) return DURATION_HINT;
  if (issue.code === 'invalid_format') return NAME_HINT;
  if (path.length === 0) return ROOT_HINT;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    // The message already lists the allowed values; only a likely typo is worth a hint.
    const match = closestMatch(value, issue.values.map(String));
    return match === undefined ? undefined : `Did you mean \`${match}\`?`;
  }
  const fix = FIX_HINTS[path.filter((k) => typeof k === 'string').join('.')];
  if (fix !== undefined) return fix;
  return descriptionHint(issue, path);
}

// Explains the key from its schema description; record entries (build args) use the record's.
function descriptionHint(issue: z.core.$ZodIssue, path: PathKey[]): string | undefined {
  const key = path.at(-1);
  const own = describeAt(path);
  if (own === undefined) {
    const parent = path.slice(0, -1);
    const parentKey = parent.at(-1);
    const description = describeAt(parent);
    return description !== undefined && typeof parentKey === 'string' ? `\`${parentKey}\`: ${description}` : undefined;
  }
  // A list entry of the wrong shape: name the list it belongs to.
  if (typeof key === 'number')
    return `Each entry of \`${formatPath(path.slice(0, -1))}\` describes ${own.charAt(0).toLowerCase()}${own.slice(1)}`;
  if (issue.message.startsWith('Missing required key')) return `Add \`${String(key)}\`: ${own}`;
  return `\`${String(key)}\`: ${own}`;
}
