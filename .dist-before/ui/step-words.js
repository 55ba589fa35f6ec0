function stateWord(state, kind) {
  switch (state) {
    case "pending":
      return "pending";
    case "running":
      return "running";
    case "succeeded":
      return kind === "build" ? "built" : "done";
    case "cached":
      return "cached";
    case "failed":
      return "FAILED";
    case "skipped":
      return "skipped";
    case "cancelled":
      return "cancelled";
  }
}
function stateSymbol(state, c) {
  switch (state) {
    case "pending":
      return c.dim("\xB7");
    case "running":
      return c.cyan("\u25B8");
    case "succeeded":
      return c.green("\u2713");
    case "cached":
      return c.green("=");
    case "failed":
      return c.red("\u2717");
    case "skipped":
      return c.yellow("-");
    case "cancelled":
      return c.yellow("\u2298");
  }
}
function clip(line, max) {
  const clean = line.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1))}\u2026`;
}
export {
  clip,
  stateSymbol,
  stateWord
};
//# sourceMappingURL=step-words.js.map
