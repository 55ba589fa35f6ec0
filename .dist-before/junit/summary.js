function formatTestSummary(report) {
  const t = "totals" in report ? report.totals : report;
  return `${t.passed} passed, ${t.failed + t.errors} failed, ${t.skipped} skipped`;
}
function failureLines(report, max = 10) {
  const failing = report.cases.filter((c) => c.status === "failed" || c.status === "error");
  const lines = failing.slice(0, max).map(
    (c) => `${c.status === "error" ? "ERROR " : "FAILED"} ${c.id}${c.message ? `: ${c.message.split("\n")[0]}` : ""}`
  );
  if (failing.length > max) lines.push(`\u2026 and ${failing.length - max} more`);
  return lines;
}
export {
  failureLines,
  formatTestSummary
};
//# sourceMappingURL=summary.js.map
