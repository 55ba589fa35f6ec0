// "Did you mean" suggestions for misspelt keys, image names and enum values.
import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const caseOnly = candidates.find((c) => c.toLowerCase() === lower);
  if (caseOnly !== undefined) return caseOnly;
  const best = closest(word, [...candidates]);
  // Two edits cover a swapped pair of letters (`imagse`); longer words may drift a bit further.
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** A hint naming the likely intended candidate, else listing what is allowed; undefined if none are. */
export function suggestionHint(word: string, candidates: readonly string[], what: string): string | undefined {
  const match = closestMatch(word, candidates);
  if (match !== undefined) return `Did you mean \`${match}\`?`;
  if (candidates.length === 0) return undefined;
  return `${what}: ${candidates.map((c) => `\`${c}\``).join(', ')}.`;
}
