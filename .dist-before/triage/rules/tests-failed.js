import { conf, quote } from "./evidence-facts.js";
import { failedSteps, incidents, testsReported } from "./journal-facts.js";
const testsFailed = {
  id: "tests-failed",
  title: "The tests ran and failed (the environment was up)",
  refs: ["research-kubernaut \xA73 #25"],
  match(input) {
    const failed = failedSteps(input.run);
    const tests = failed.filter((f) => f.error?.code === "TESTS_FAILED");
    const report = testsReported(input.run);
    const reportFailed = report !== void 0 && report.totals.failed + report.totals.errors > 0;
    if (tests.length === 0 && !reportFailed) return void 0;
    const others = failed.filter((f) => f.kind !== "test");
    const trouble = incidents(input.run, "engine-crash", "engine-lost").filter(
      (i) => i.at >= (report?.at ?? 0) - 36e5
    );
    const confidence = others.length > 0 ? 0.4 : trouble.length > 0 ? 0.6 : 0.9;
    const cases = (report?.cases ?? []).filter((c) => c.status === "failed" || c.status === "error");
    const t = report?.totals;
    return {
      confidence: conf(confidence),
      summary: `The tests failed${t ? `: ${t.failed + t.errors} of ${t.tests} cases` : ""}; every infrastructure step before them succeeded${trouble.length > 0 ? " (but the engine had trouble during the run)" : ""}. This is a test or product failure, not an infrastructure one.`,
      evidence: [
        ...tests.map((f) => quote(`journal ${f.stepId} [TESTS_FAILED]`, f.error?.message ?? "")),
        ...cases.slice(0, 5).map((c) => quote("junit", `${c.id}: ${c.status}${c.message ? ` \u2014 ${c.message}` : ""}`)),
        ...trouble.map((i) => quote(`journal incident ${i.kind}`, i.message))
      ],
      actions: [
        "tarmac test   # runs the suite again on the live env",
        ...cases[0] ? [`read the failing case ${cases[0].id} in junit.xml of the run`] : []
      ]
    };
  }
};
export {
  testsFailed
};
//# sourceMappingURL=tests-failed.js.map
