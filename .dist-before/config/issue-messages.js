import { describeValue } from "./path-text.js";
const NOUNS = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "a boolean (true or false)"
};
function noun(expected) {
  return NOUNS[expected] ?? expected;
}
function joinOr(words) {
  return words.length <= 1 ? words[0] ?? "" : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
const configErrorMap = (issue) => {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === void 0 && issue.path?.length)
        return `Missing required key \`${String(issue.path.at(-1))}\``;
      if (issue.input == null && !issue.path?.length) return "Expected a mapping of settings, got an empty file";
      return `Expected ${noun(issue.expected)}, got ${got}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `Expected \`${String(issue.values[0])}\`, got ${got}` : `Expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}, got ${got}`;
    case "invalid_union": {
      const expected = issue.errors.flatMap(
        (branch) => branch.map((i) => i.code === "invalid_type" ? noun(i.expected) : "")
      );
      return expected.every(Boolean) ? `Expected ${joinOr(expected)}, got ${got}` : void 0;
    }
    case "too_small":
      if (issue.origin === "array") return `Expected at least ${String(issue.minimum)} item(s), got ${got}`;
      if (issue.origin === "string") return `Expected a non-empty string, got ${got}`;
      return `Expected at least ${String(issue.minimum)}, got ${got}`;
    case "too_big":
      return `Expected at most ${String(issue.maximum)}, got ${got}`;
    default:
      return void 0;
  }
};
export {
  configErrorMap
};
//# sourceMappingURL=issue-messages.js.map
