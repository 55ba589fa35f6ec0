import { describeValue, formatPath, valueAt } from "./path-text.js";
import { allowedKeys, describeAt } from "./schema-walk.js";
import { closestMatch, suggestionHint } from "./suggest.js";
import { derivedNames } from "./names.js";
import { isRawMap } from "./rules/raw.js";
const NAME_HINT = 'Use lowercase letters and digits joined by single ".", "_" or "-", e.g. `api-gateway`: image names are also image repositories and labels.';
const DNS_NAME_HINT = 'Use lowercase letters, digits and "-", e.g. `shop-e2e`.';
const DURATION_HINT = 'Units are ms, s, m and h, and combine like "1h30m"; a plain number means seconds.';
const POSITIVE_DURATION_HINT = 'Use a duration greater than zero, such as "90s" or "15m".';
const LONG_DURATION_HINT = 'No step may wait longer than 7 days; use a shorter limit such as "24h".';
const ROOT_HINT = "Start with `name: <environment name>`, then add `images`, `deploy` and `test`.";
const FIX_HINTS = {
  "images.weight": "Use 1 for an ordinary build and more for heavy ones; the weight is the engine units the build claims while it runs.",
  "build.capacity": "Use at least 1: the engine units that may be in use at once (2 suits most machines).",
  "test.command": "Write the command as an argv list, e.g. `command: [node, suite.mjs]`."
};
function issueFindings(issues, data) {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((k) => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => unknownKey(path, key));
    return [valueFinding(issue, path, data)];
  });
}
function envNameHint(issue, data, path) {
  const at = path.join(".");
  if (at !== "name" && at !== "cluster.name") return void 0;
  if (issue.code !== "invalid_format" && issue.code !== "too_big") return void 0;
  const env = isRawMap(data) && typeof data.name === "string" ? data.name : "<name>";
  const cluster = isRawMap(data) && isRawMap(data.cluster) ? data.cluster.name : void 0;
  const names = derivedNames(env, typeof cluster === "string" ? cluster : void 0).join(", ");
  return `${DNS_NAME_HINT} Derived names, each a hostname or label of at most 63 characters: ${names}.`;
}
function unknownKey(path, key) {
  const hint = suggestionHint(key, allowedKeys(path), "Allowed keys here");
  return { path: [...path, key], atKey: true, message: `Unknown key \`${key}\``, ...hint ? { hint } : {} };
}
function valueFinding(issue, path, data) {
  const value = valueAt(data, path);
  let message = issue.message;
  if (message.startsWith("Expected") && !message.includes(", got ")) message += `, got ${describeValue(value)}`;
  const hint = envNameHint(issue, data, path) ?? hintFor(issue, path, value);
  return { path, message, ...hint ? { hint } : {} };
}
function hintFor(issue, path, value) {
  if (/positive duration/.test(issue.message)) return POSITIVE_DURATION_HINT;
  if (/at most 7 days/.test(issue.message)) return LONG_DURATION_HINT;
  if (/duration/.test(issue.message)) return DURATION_HINT;
  if (issue.code === "invalid_format") return NAME_HINT;
  if (path.length === 0) return ROOT_HINT;
  if (issue.code === "invalid_value" && typeof value === "string") {
    const match = closestMatch(value, issue.values.map(String));
    return match === void 0 ? void 0 : `Did you mean \`${match}\`?`;
  }
  const fix = FIX_HINTS[path.filter((k) => typeof k === "string").join(".")];
  if (fix !== void 0) return fix;
  return descriptionHint(issue, path);
}
function descriptionHint(issue, path) {
  const key = path.at(-1);
  const own = describeAt(path);
  if (own === void 0) {
    const parent = path.slice(0, -1);
    const parentKey = parent.at(-1);
    const description = describeAt(parent);
    return description !== void 0 && typeof parentKey === "string" ? `\`${parentKey}\`: ${description}` : void 0;
  }
  if (typeof key === "number")
    return `Each entry of \`${formatPath(path.slice(0, -1))}\` describes ${own.charAt(0).toLowerCase()}${own.slice(1)}`;
  if (issue.message.startsWith("Missing required key")) return `Add \`${String(key)}\`: ${own}`;
  return `\`${String(key)}\`: ${own}`;
}
export {
  issueFindings
};
//# sourceMappingURL=issues.js.map
