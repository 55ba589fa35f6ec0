import { closest, distance } from "fastest-levenshtein";
function closestMatch(word, candidates) {
  if (candidates.length === 0) return void 0;
  const lower = word.toLowerCase();
  const caseOnly = candidates.find((c) => c.toLowerCase() === lower);
  if (caseOnly !== void 0) return caseOnly;
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function suggestionHint(word, candidates, what) {
  const match = closestMatch(word, candidates);
  if (match !== void 0) return `Did you mean \`${match}\`?`;
  if (candidates.length === 0) return void 0;
  return `${what}: ${candidates.map((c) => `\`${c}\``).join(", ")}.`;
}
export {
  closestMatch,
  suggestionHint
};
//# sourceMappingURL=suggest.js.map
