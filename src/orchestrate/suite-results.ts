// How each suite of a multi-suite run ended (setup, tests, outcome), and the suites' JUnit reports merged into the
// run's junit.xml with every case under its suite's name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteSpec } from '../config/types.js';
import type { StepState } from '../events/types.js';
import { PRIVATE_FILE_MODE } from '../files/private.js';
import { junitCopyFile } from '../journal/run-dir.js';
import { writeJUnit } from '../junit/write.js';
import type { Plan } from '../plan/types.js';
import type { RunSummary } from './scheduler.js';
import type { TestOutcome } from './executors/test-suite.js';

/** One suite's result. */
export interface SuiteResult {
  name: string;
  clusters: string[];
  /** Its clusters, deliveries and deploys: ready, or the worst state among them. */
  setup: 'ready' | 'failed' | 'skipped' | 'cancelled';
  /** passed / failed: its tests ran; ready: no test step; skipped / cancelled: its tests never ran. */
  outcome: 'passed' | 'failed' | 'ready' | 'skipped' | 'cancelled';
  tests?: TestOutcome;
  /** The first failed step of the suite and its error. */
  failure?: { stepId: string; code: string; message: string };
  /** The suite's own directory in the run dir (its JUnit copy, its triage). */
  dir: string;
}

const WORST: readonly StepState[] = ['failed', 'cancelled', 'skipped'];

/** Every chosen suite's result from the run summary. */
export function suiteResults(
  suites: readonly SuiteSpec[],
  plan: Plan,
  summary: RunSummary,
  outcomes: ReadonlyMap<string, TestOutcome>,
  runDir: string,
): SuiteResult[] {
  return suites.map((suite) => {
    const own = plan.steps.filter((s) => s.suite === suite.name);
    const state = (id: string): StepState => summary.states.get(id) ?? 'pending';
    const setupStates = own.filter((s) => s.kind !== 'test').map((s) => state(s.id));
    const setup = (WORST.find((w) => setupStates.includes(w)) ?? 'ready') as SuiteResult['setup'];
    const test = own.find((s) => s.kind === 'test');
    const testState = test ? state(test.id) : undefined;
    const outcome: SuiteResult['outcome'] =
      testState === undefined
        ? setup === 'ready'
          ? 'ready'
          : setup === 'cancelled'
            ? 'cancelled'
            : 'failed'
        : testState === 'succeeded'
          ? 'passed'
          : testState === 'failed'
            ? 'failed'
            : setup === 'failed'
              ? 'failed'
              : testState === 'cancelled'
                ? 'cancelled'
                : 'skipped';
    const failedId = own.map((s) => s.id).find((id) => summary.errors.has(id));
    const error = failedId === undefined ? undefined : summary.errors.get(failedId);
    const tests = outcomes.get(suite.name);
    return {
      name: suite.name,
      clusters: suite.clusters.map((c) => c.clusterName),
      setup,
      outcome,
      ...(tests ? { tests } : {}),
      ...(failedId && error ? { failure: { stepId: failedId, code: error.code, message: error.message } } : {}),
      dir: join(runDir, 'suites', suite.name),
    };
  });
}

/** Writes every suite's cases, each under `<suite>/`, to the run's junit.xml; returns its path (undefined: no cases). */
export function writeMergedJUnit(results: readonly SuiteResult[], runDir: string): string | undefined {
  const cases = results.flatMap((r) =>
    (r.tests?.report?.cases ?? []).map((c) => ({
      ...c,
      id: `${r.name}/${c.id}`,
      suite: c.suite === '' ? r.name : `${r.name}/${c.suite}`,
    })),
  );
  if (cases.length === 0) return undefined;
  const file = junitCopyFile(runDir);
  writeFileSync(file, writeJUnit(cases, 'suites'), { mode: PRIVATE_FILE_MODE });
  return file;
}
