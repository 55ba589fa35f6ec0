// "Tests failed" claims what the output shows (src/triage/README.md, calibration): a JUnit report with failed cases
// or a test framework's own failure words make it 90%; a test command that failed without them is the command
// failing (the env under it, its harness), 45%.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("a failed test command names its failed tests in its framework's words", () => {
  it.each([
    '--- FAIL: TestCheckout (0.02s)\n    checkout_test.go:41: expected 200, got 500\nFAIL\tshop/api\t0.311s',
    'FAILED tests/test_api.py::test_health - AssertionError: assert 500 == 200\n==== 1 failed, 12 passed in 3.21s ====',
    ' FAIL  src/api.test.ts > returns 200\nTest Files  1 failed (4)',
    '  2 failing\n  1) checkout\n     AssertionError: expected 500 to equal 200',
    '[ERROR] Tests run: 14, Failures: 2, Errors: 0, Skipped: 0\n[ERROR] There are test failures.',
    'not ok 3 api answers on /health',
    '12 examples, 1 failure',
    'test result: FAILED. 10 passed; 1 failed; 0 ignored',
  ])('%s', async (output) => {
    const d = await diagnoseShape({ phase: 'test', output });
    expect(d.top).toBe('tests-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('near miss: a kubectl wait in the test command that timed out names no failed test: below 50%', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'error: timed out waiting for the condition on pods/api-0',
    });
    expect(d.of('tests-failed')).toBeLessThan(0.5);
  });

  it('near miss: an object the test command looked up that is not there names no failed test', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'Error from server (NotFound): deployments.apps "api" not found',
    });
    expect(d.of('tests-failed')).toBeLessThan(0.5);
  });
});

describe('a build step whose container the OCI runtime would not start: the instruction may never have run', () => {
  it('runc failing to set up cgroups for the RUN container: build-failed below 50% (runc create failed)', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        '#8 [4/6] RUN npm ci\nERROR: failed to solve: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: unable to freeze: unknown',
    });
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  it("near miss: the runtime's exec of the step's own program that does not exist is the instruction", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        '#8 [4/6] RUN ["bash", "-c", "npm ci"]\nERROR: failed to solve: process "bash -c npm ci" did not complete successfully: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    });
    expect(d.top).toBe('build-failed');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});
