import { attr, children, parseJUnitXml, textOf } from "./xml.js";
import { assignIds } from "./ids.js";
function parseJUnit(xml, file) {
  const { tag, root } = parseJUnitXml(xml, file);
  const suites = [];
  const cases = [];
  if (tag === "testsuite") walkSuite(root, [], suites, cases);
  else walkGroup(root, [], suites, cases);
  const withIds = assignIds(cases);
  return { file, suites, cases: withIds, totals: totalsOf(withIds) };
}
function totalsOf(cases) {
  const totals = { tests: cases.length, passed: 0, failed: 0, skipped: 0, errors: 0 };
  for (const c of cases) {
    if (c.status === "passed") totals.passed++;
    else if (c.status === "failed") totals.failed++;
    else if (c.status === "skipped") totals.skipped++;
    else totals.errors++;
  }
  return totals;
}
function walkGroup(group, path, suites, cases) {
  for (const c of children(group, "testcase")) cases.push(toCase(c, path.join("/")));
  for (const nested of children(group, "testsuites")) walkGroup(nested, path, suites, cases);
  for (const suite of children(group, "testsuite")) walkSuite(suite, path, suites, cases);
}
function walkSuite(suite, parent, suites, cases) {
  const path = [...parent, attr(suite, "name") ?? ""];
  const name = path.join("/");
  const own = children(suite, "testcase").map((c) => toCase(c, name));
  const counts = totalsOf(own);
  const time = attr(suite, "time");
  suites.push({
    name,
    tests: own.length,
    failures: counts.failed,
    errors: counts.errors,
    skipped: counts.skipped,
    timeMs: time === void 0 ? own.reduce((sum, c) => sum + c.timeMs, 0) : secondsToMs(time)
  });
  cases.push(...own);
  for (const nested of children(suite, "testsuite")) walkSuite(nested, path, suites, cases);
}
function toCase(element, suite) {
  const [status, outcome] = outcomeOf(element);
  const message = outcome ? attr(outcome, "message") ?? firstLine(textOf(outcome)) : void 0;
  const type = outcome ? attr(outcome, "type") : void 0;
  const details = outcome ? textOf(outcome).trim() : "";
  const output = joinTexts(children(element, "system-out"));
  const errorOutput = joinTexts(children(element, "system-err"));
  const file = attr(element, "file");
  return {
    suite,
    classname: attr(element, "classname") ?? "",
    name: attr(element, "name") ?? "",
    status,
    timeMs: secondsToMs(attr(element, "time")),
    ...message ? { message } : {},
    ...type && status !== "skipped" ? { type } : {},
    ...details ? { details } : {},
    ...output ? { output } : {},
    ...errorOutput ? { errorOutput } : {},
    ...file ? { file } : {}
  };
}
function outcomeOf(element) {
  const error = children(element, "error")[0];
  if (error) return ["error", error];
  const failure = children(element, "failure")[0];
  if (failure) return ["failed", failure];
  const skipped = children(element, "skipped")[0];
  if (skipped) return ["skipped", skipped];
  return ["passed", void 0];
}
function secondsToMs(value) {
  const seconds = Number((value ?? "").replace(/,/g, ""));
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1e3) : 0;
}
function firstLine(text) {
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).find((l) => l !== "");
}
function joinTexts(elements) {
  return elements.map((e) => textOf(e).trim()).filter((t) => t !== "").join("\n");
}
export {
  parseJUnit,
  totalsOf
};
//# sourceMappingURL=junit.js.map
