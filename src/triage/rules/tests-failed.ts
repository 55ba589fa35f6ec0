// The environment came up and the tests ran and failed: the verdict is "tests failed", not infrastructure.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLines, quote } from './evidence-facts.js';
import { failedSteps, incidents, testsReported, testAgainCommand } from './journal-facts.js';

/**
 * The engine's own words relayed by a client the test command ran (`docker run` in a test script): docker's
 * `Error response from daemon: ...`, the OCI runtime's and containerd's shim errors. Then the engine failed the test's
 * container, not the tests.
 */
const ENGINE_SAID =
  /^(?:docker: )?Error response from daemon: |\bOCI runtime (?:error|create failed|exec failed|start failed)\b|\bttrpc: closed\b|failed to create shim task/i;

/**
 * A test framework's own words for a failed test or assertion: Go's `--- FAIL:` / `FAIL pkg 0.1s`, pytest's `FAILED
 * path::test` / `== 1 failed`, jest's and vitest's `FAIL file` / `Tests: 1 failed`, mocha's `1 failing`, Maven's and
 * Gradle's summaries, TAP's and bats' `not ok N`, rspec's `N examples, M failures`, ginkgo's `[FAIL]`, cargo's `test
 * result: FAILED`, .NET's `Failed!`, PHPUnit's `FAILURES!`, and assertion words (`AssertionError`, `expected X, got Y`).
 * A test command that failed without them may have failed on anything (the env, its own harness).
 */
const TEST_WORDS =
  /^\s*--- FAIL: |^FAIL(?:\s+\S+\s+[\d.]+s)?\s*$|^FAILED \S|^=+ .*\b\d+ failed\b|^\s*FAIL\s+\S|\bTests?:?\s+\d+ failed\b|Test Files\s+\d+ failed|^\s*\d+ failing\b|Tests run: \d+, Failures: [1-9]|Tests run: \d+, Failures: \d+, Errors: [1-9]|There (?:are|were) test failures|tests completed, \d+ failed|^\s*not ok \d+|\d+ examples?, [1-9]\d* failures?|Failure\/Error:|\[FAIL\]|test result: FAILED|^\s*Failed!|^FAILURES!|\| FAIL \||Assertion(?:Failed)?Error|ComparisonFailure|assert(?:ion)? failed|\bexpected\b[^\n]{0,80}\b(?:got|but (?:was|got)|received|to (?:be|equal|contain|have|match))\b|^\s*(?:Expected|Received):/im;

export const testsFailed: Rule = {
  id: 'tests-failed',
  title: 'The tests ran and failed (the environment was up)',
  refs: ['research-kubernaut §3 #25'],
  match(input: TriageInput): Match | undefined {
    const failed = failedSteps(input.run);
    const tests = failed.filter((f) => f.error?.code === 'TESTS_FAILED');
    const report = testsReported(input.run);
    const reportFailed = report !== undefined && report.totals.failed + report.totals.errors > 0;
    if (tests.length === 0 && !reportFailed) return undefined;
    const others = failed.filter((f) => f.kind !== 'test');
    const trouble = incidents(input.run, 'engine-crash', 'engine-lost').filter(
      (i) => i.at >= (report?.at ?? 0) - 3_600_000,
    );
    // The engine's error in the test command's own output: the engine failed the test's container.
    const engineSaid = failureLines(input, (l, step) => step.kind === 'test' && ENGINE_SAID.test(l.text.trim()), 2);
    // Only a report with failed cases or the framework's own failure words show that tests failed (not the harness
    // or the env under them): a generic verdict claims only what the output shows.
    const shown =
      reportFailed || failureLines(input, (l, step) => step.kind === 'test' && TEST_WORDS.test(l.text), 1).length > 0;
    // Infrastructure trouble during the run makes the failures suspect: say so by lowering the confidence.
    const confidence =
      others.length > 0 ? 0.4 : engineSaid.length > 0 ? 0.45 : trouble.length > 0 ? 0.6 : shown ? 0.9 : 0.45;
    const cases = (report?.cases ?? []).filter((c) => c.status === 'failed' || c.status === 'error');
    const t = report?.totals;
    return {
      confidence: conf(confidence),
      summary:
        engineSaid.length > 0
          ? `The test command failed${t ? `: ${t.failed + t.errors} of ${t.tests} cases` : ''}, but on an error of the container engine it called (see the evidence): the engine, not the tests, may be the cause.`
          : !shown
            ? 'The test command failed, but its output names no failed test or assertion: read its output before blaming the tests (the env it ran against, or its own harness, may have failed it).'
            : `The tests failed${t ? `: ${t.failed + t.errors} of ${t.tests} cases` : ''}; every infrastructure step before them succeeded${trouble.length > 0 ? ' (but the engine had trouble during the run)' : ''}. This is a test or product failure, not an infrastructure one.`,
      evidence: [
        ...tests.map((f) => quote(`journal ${f.stepId} [TESTS_FAILED]`, f.error?.message ?? '')),
        ...cases.slice(0, 5).map((c) => quote('junit', `${c.id}: ${c.status}${c.message ? ` — ${c.message}` : ''}`)),
        ...trouble.map((i) => quote(`journal incident ${i.kind}`, i.message)),
        ...engineSaid,
      ],
      actions: [
        `${testAgainCommand(input.run)}   # runs the suite again on the live env`,
        ...(cases[0] ? [`read the failing case ${cases[0].id} in junit.xml of the run`] : []),
      ],
    };
  },
};
