// The words a failure's output is compared by: lower-case words of three letters or more and each pair of
// neighbouring words. Numbers, hex ids and digests are dropped first: they differ between any two reports of one
// failure (ports, pids, image ids), so they would only make equal failures look different. Pure.

/** Ids, digests and numbers: never part of what makes two failures alike. */
const VOLATILE = /[0-9a-f]{8,}|\d+/gi;

/** The distinct words and word pairs of `text`. */
export function failureTokens(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(VOLATILE, ' ')
    .split(/[^a-z_]+/)
    .filter((w) => w.length >= 3);
  const tokens = new Set<string>(words);
  for (let i = 1; i < words.length; i++) tokens.add(`${words[i - 1]} ${words[i]}`);
  return tokens;
}
