import { closestMatch } from "../config/suggest.js";
function didYouMean(name, known) {
  const lower = name.toLowerCase();
  const prefixed = known.filter((k) => k.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && prefixed.length === 1) return prefixed[0];
  return closestMatch(name, known);
}
export {
  didYouMean
};
//# sourceMappingURL=did-you-mean.js.map
