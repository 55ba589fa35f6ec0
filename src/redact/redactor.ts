// One redactor per run: the secret patterns plus the exact values this run knows are secret.
import { MASK, redactSecrets } from './patterns.js';

/** Replaces secrets in text; `values` are exact secrets (registry password, secret-looking env values). */
export type Redactor = (text: string) => string;

// Values shorter than this are not masked on their own: masking "1" or "on" everywhere would wreck logs.
const MIN_SECRET_LENGTH = 4;

/** A redactor for these known secret values plus the generic token and credential patterns. */
export function makeRedactor(values: Iterable<string>): Redactor {
  // Longest first, so a secret that contains another is masked whole.
  const known = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const v of known) if (out.includes(v)) out = out.split(v).join(MASK);
    return redactSecrets(out);
  };
}

/** Names whose values are treated as secrets (env vars, build args, test env). */
export function looksSecret(name: string): boolean {
  return /pass(word)?|passwd|secret|token|api[_-]?key|credential|auth|private[_-]?key/i.test(name);
}

/** Applies the redactor to every string inside a JSON-like value (events, triage results). */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redact)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}
