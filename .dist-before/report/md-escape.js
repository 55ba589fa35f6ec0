import { safeText } from "../ui/safe-text.js";
function mdText(text) {
  return safeText(text).replace(/\r?\n/g, " ").replace(/([\\`|<>])/g, "\\$1").replace(/\](?=[([])/g, "\\]");
}
function mdCode(text) {
  const inner = safeText(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}
function codeBlock(lines) {
  const safe = lines.map((l) => safeText(l.replace(/\r/g, "")));
  const longest = Math.max(0, ...safe.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence, ...safe, fence];
}
export {
  codeBlock,
  mdCode,
  mdText
};
//# sourceMappingURL=md-escape.js.map
