import { totalsOf } from "./junit.js";
function writeJUnit(cases, name) {
  const bySuite = /* @__PURE__ */ new Map();
  for (const c of cases) bySuite.set(c.suite, [...bySuite.get(c.suite) ?? [], c]);
  const totals = totalsOf(cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${totals.tests}" failures="${totals.failed}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds(sum(cases))}">`
  ];
  for (const c of bySuite.get("") ?? []) lines.push(...testcase(c, "  "));
  for (const [suite, own] of bySuite) {
    if (suite === "") continue;
    const t = totalsOf(own);
    lines.push(
      `  <testsuite name="${xml(suite)}" tests="${t.tests}" failures="${t.failed}" errors="${t.errors}" skipped="${t.skipped}" time="${seconds(sum(own))}">`
    );
    for (const c of own) lines.push(...testcase(c, "    "));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>", "");
  return lines.join("\n");
}
function testcase(c, indent) {
  const attrs = `classname="${xml(c.classname)}" name="${xml(c.name)}" time="${seconds(c.timeMs)}"${c.file ? ` file="${xml(c.file)}"` : ""}`;
  const inner = [];
  if (c.status !== "passed") {
    const tag = c.status === "failed" ? "failure" : c.status;
    const message = c.message !== void 0 ? ` message="${xml(c.message)}"` : "";
    const type = c.type !== void 0 ? ` type="${xml(c.type)}"` : "";
    inner.push(`<${tag}${message}${type}>${xml(c.details ?? "")}</${tag}>`);
  }
  if (c.output) inner.push(`<system-out>${xml(c.output)}</system-out>`);
  if (c.errorOutput) inner.push(`<system-err>${xml(c.errorOutput)}</system-err>`);
  if (inner.length === 0) return [`${indent}<testcase ${attrs}/>`];
  return [`${indent}<testcase ${attrs}>`, ...inner.map((l) => `${indent}  ${l}`), `${indent}</testcase>`];
}
function sum(cases) {
  return cases.reduce((total, c) => total + c.timeMs, 0);
}
function seconds(ms) {
  return (ms / 1e3).toFixed(3);
}
function xml(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
export {
  writeJUnit
};
//# sourceMappingURL=write.js.map
