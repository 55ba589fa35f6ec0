import { ExitCode, TarmacError } from "../errors/errors.js";
import { writeJUnit } from "./write.js";
const MAX_LISTED = 20;
function mergeJUnit(reports, name = "merged") {
  const files = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const c of report.cases) files.set(c.id, [...files.get(c.id) ?? [], report.file]);
  }
  const duplicates = [...files].filter(([, where]) => where.length > 1);
  if (duplicates.length > 0) {
    const lines = duplicates.slice(0, MAX_LISTED).map(([id, where]) => `${id}: in ${where.join(", ")}`);
    if (duplicates.length > MAX_LISTED) lines.push(`\u2026 ${duplicates.length - MAX_LISTED} more`);
    throw new TarmacError(
      "JUNIT_MERGE_DUPLICATES",
      `${duplicates.length} test${duplicates.length === 1 ? " appears" : "s appear"} in more than one input file; nothing was written`,
      {
        exitCode: ExitCode.infrastructure,
        details: lines,
        hint: "Each shard must run a disjoint part of the suite: give every shard job the same test.list and its own --shard I/N, and pass each shard's JUnit file once."
      }
    );
  }
  const cases = reports.flatMap((r) => r.cases);
  return { cases, xml: writeJUnit(cases, name) };
}
export {
  mergeJUnit
};
//# sourceMappingURL=merge.js.map
