// One redactor per run: the secret patterns, PEM key blocks across lines, and the exact values this run knows are
// secret.
import { MASK, redactSecrets } from './patterns.js';
import { pemState, redactPemLine, type PemState } from './pem.js';

/** Replaces secrets in text (one line or many); `values` are exact secrets (registry password, secret env values). */
export type Redactor = (text: string) => string;

/** Redacts a stream of lines that arrive one at a time (a step's output): a key block spans calls. */
export type LineRedactor = (stream: string, line: string) => string;

// Values shorter than this are not masked on their own: masking "1" or "on" everywhere would wreck logs.
const MIN_SECRET_LENGTH = 4;

/** A redactor for these known secret values plus the generic token and credential patterns. */
export function makeRedactor(values: Iterable<string>): Redactor {
  const line = lineMasker(values);
  return (text) => {
    // Each call is its own stream: a key block inside this text is masked, and cannot leak into the next call.
    const state = pemState();
    return text
      .split('\n')
      .map((l) => line(l, state))
      .join('\n');
  };
}

/** A redactor for lines of several streams (keyed by `stream`, e.g. a step id), each remembering whether it is
 * inside a key block, so a PEM key printed line by line is masked from its BEGIN line to its END line. */
export function makeStreamRedactor(redact: Redactor): LineRedactor {
  const states = new Map<string, PemState>();
  return (stream, text) => {
    let state = states.get(stream);
    if (!state) states.set(stream, (state = pemState()));
    const current = state;
    return redact(
      text
        .split('\n')
        .map((l) => redactPemLine(l, current, MASK))
        .join('\n'),
    );
  };
}

// One line: the key block state first (a body line is masked whole), then exact values, then the patterns.
function lineMasker(values: Iterable<string>): (line: string, state: PemState) => string {
  // Longest first, so a secret that contains another is masked whole.
  const known = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  return (line, state) => {
    let out = redactPemLine(line, state, MASK);
    for (const v of known) if (out.includes(v)) out = out.split(v).join(MASK);
    return redactSecrets(out);
  };
}

/** Applies the redactor to every string inside a JSON-like value (events, triage results). */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return redactArray(value, redact) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}

// An array of lines (an error's output tail) is one text: a key block spanning its elements is masked.
function redactArray(value: unknown[], redact: Redactor): unknown[] {
  const lines = value.every((v): v is string => typeof v === 'string' && !v.includes('\n'));
  if (!lines || value.length < 2) return value.map((v) => redactDeep(v, redact));
  const out = redact(value.join('\n')).split('\n');
  return out.length === value.length ? out : value.map((v) => redactDeep(v, redact));
}
