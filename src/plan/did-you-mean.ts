// Suggests the known name a mistyped or abbreviated one was probably meant to be.
import { closestMatch } from '../config/suggest.js';

/** The known name `name` most likely meant: the only one it abbreviates (3+ letters), else a close typo match. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const prefixed = known.filter((k) => k.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && prefixed.length === 1) return prefixed[0];
  return closestMatch(name, known);
}
