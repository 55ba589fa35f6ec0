const STATUS_WORD = {
  ok: "ok",
  degraded: "DEGRADED",
  down: "DOWN",
  absent: "absent",
  unknown: "unknown"
};
function renderTriageMarkdown(result) {
  const out = [`# Triage${result.runId ? ` of run ${result.runId}` : ""}`, ""];
  out.push(`Generated ${new Date(result.generatedAt).toISOString()} in ${(result.durationMs / 1e3).toFixed(1)}s.`, "");
  out.push(...statusSection(result.status), "");
  out.push("## Root causes", "");
  if (result.verdicts.length === 0) out.push("No known failure mode matched.", "");
  result.verdicts.forEach((v, i) => out.push(...verdictSection(v, i + 1), ""));
  if (result.unclassified) {
    out.push("## Unclassified", "", result.unclassified.summary, "");
    for (const line of result.unclassified.abnormal) out.push(`- ${inline(line)}`);
    if (result.unclassified.abnormal.length > 0) out.push("");
    const look = result.unclassified.commands ?? [];
    if (look.length > 0) out.push("Look further:", "", ...look.map((a) => `- ${inline(a)}`), "");
  }
  out.push("## Collectors", "", "| Collector | Result | Time |", "|---|---|---|");
  for (const c of result.collectors)
    out.push(
      `| ${c.name} | ${c.ok ? "ok" : cell(c.timedOut ? `timed out: ${c.error ?? ""}` : `failed: ${c.error ?? ""}`)} | ${c.durationMs} ms |`
    );
  return `${out.join("\n")}
`;
}
function statusSection(rows) {
  const out = ["## Infrastructure status", "", "| Component | Status | Evidence |", "|---|---|---|"];
  for (const row of rows) out.push(`| ${cell(row.component)} | ${STATUS_WORD[row.status]} | ${cell(row.evidence)} |`);
  return out;
}
function verdictSection(v, rank) {
  const out = [
    `### ${rank}. ${v.title} (confidence ${Math.round(v.confidence * 100)}%, rule \`${v.ruleId}\`)`,
    "",
    v.summary,
    ""
  ];
  if (v.evidence.length > 0) out.push("Evidence:", "", ...v.evidence.map((e) => `- ${inline(e)}`), "");
  if (v.unexplained?.length)
    out.push("Not explained by this verdict:", "", ...v.unexplained.map((e) => `- ${inline(e)}`), "");
  if (v.actions.length > 0) out.push("Recommended actions:", "", ...v.actions.map((a, i) => `${i + 1}. ${inline(a)}`));
  return out;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function inline(text) {
  const oneLine = text.replace(/\r?\n/g, " ");
  const fence = oneLine.includes("`") ? "`` " : "`";
  return `${fence}${oneLine}${fence === "`` " ? " ``" : "`"}`;
}
export {
  renderTriageMarkdown,
  statusSection
};
//# sourceMappingURL=render-md.js.map
