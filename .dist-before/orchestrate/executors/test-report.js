import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { PRIVATE_FILE_MODE } from "../../files/private.js";
import { junitCopyFile, runDir } from "../../journal/run-dir.js";
import { secretValues } from "../../redact/env-secrets.js";
import { makeRedactor } from "../../redact/redactor.js";
function testReporting(env, bus, images, processEnv) {
  return { bus, runDir: runDir(env.stateDir, bus.runId), images, redact: makeRedactor(secretValues(env, processEnv)) };
}
function testInputs(command, images) {
  const sorted = Object.entries(images).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return createHash("sha256").update(JSON.stringify({ command, images: sorted })).digest("hex").slice(0, 16);
}
function reportTests(r, stepId, test, outcome) {
  const report = outcome.report;
  if (!report) return;
  r.bus.emit({
    type: "tests.reported",
    stepId,
    inputs: testInputs(test.command, r.images),
    exitCode: outcome.exitCode,
    totals: report.totals,
    cases: report.cases.map((c) => ({
      id: c.id,
      status: c.status,
      timeMs: c.timeMs,
      ...c.message === void 0 ? {} : { message: c.message }
    }))
  });
  if (test.junit === void 0) return;
  try {
    writeFileSync(junitCopyFile(r.runDir), r.redact(readFileSync(test.junit, "utf8")), { mode: PRIVATE_FILE_MODE });
  } catch (error) {
    r.bus.emit({
      type: "decision",
      message: `could not copy the JUnit XML into the run directory: ${error.message}`
    });
  }
}
export {
  reportTests,
  testInputs,
  testReporting
};
//# sourceMappingURL=test-report.js.map
