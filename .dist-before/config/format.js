import path from "node:path";
function formatProblems(err, cwd) {
  return formatProblemList(err.problems, cwd);
}
function formatWarnings(warnings, cwd) {
  return formatProblemList(warnings, cwd, "warning: ");
}
function formatProblemList(problems, cwd, prefix = "") {
  return problems.map((p) => {
    const where = `${path.relative(cwd, p.file) || p.file}:${p.line}:${p.col}`;
    const head = `${where}${p.path ? ` ${p.path}` : ""}: ${prefix}${p.message}`;
    return p.hint ? `${head}
  hint: ${p.hint}` : head;
  }).join("\n");
}
export {
  formatProblemList,
  formatProblems,
  formatWarnings
};
//# sourceMappingURL=format.js.map
