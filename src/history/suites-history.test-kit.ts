// Event streams of multi-suite runs for history tests, recorded through the real recorder into a real SQLite file.
import type { EventInput, TarmacEvent } from '../events/types.js';
import { stamp } from './history.test-kit.js';

/** One suite of a suites run: its name and, when measured, its memory peak. */
export interface SuiteInRun {
  name: string;
  peakBytes?: number;
  testFails?: boolean;
}

/**
 * An `up --suite …` run: one shared build, then per suite a cluster and a test reporting one case `<suite>/login`
 * (failed with `testFails`); `suite.memory` for measured suites.
 */
export function suitesRun(runId: string, t0: number, suites: readonly SuiteInRun[]): TarmacEvent[] {
  const step = (id: string, kind: 'build' | 'cluster' | 'test', deps: string[], suite?: string) => ({
    id,
    kind,
    subject: id,
    deps,
    claims: { engine: kind === 'build' ? 1 : 0 },
    cached: false,
    ...(suite ? { suite } : {}),
  });
  const events: [number, EventInput][] = [
    [
      0,
      {
        type: 'run.started',
        command: 'up',
        capacity: 2,
        target: 'kind',
        engine: { type: 'podman', endpoint: '' },
        steps: [
          step('build:api', 'build', []),
          ...suites.flatMap((s) => [
            step(`cluster:${s.name}/main`, 'cluster', [], s.name),
            step(`test:${s.name}`, 'test', ['build:api', `cluster:${s.name}/main`], s.name),
          ]),
        ],
      },
    ],
  ];
  for (const s of suites) {
    const status = s.testFails ? 'failed' : 'passed';
    events.push([
      800,
      {
        type: 'tests.reported',
        stepId: `test:${s.name}`,
        inputs: 'in-1',
        exitCode: s.testFails ? 1 : 0,
        totals: { tests: 1, passed: s.testFails ? 0 : 1, failed: s.testFails ? 1 : 0, skipped: 0, errors: 0 },
        cases: [{ id: `${s.name}/login`, status, timeMs: 5 }],
      },
    ]);
    if (s.peakBytes !== undefined)
      events.push([900, { type: 'suite.memory', suite: s.name, peakBytes: s.peakBytes, samples: 2 }]);
  }
  const failed = suites.some((s) => s.testFails);
  events.push([1_000, { type: 'run.finished', outcome: failed ? 'failed' : 'succeeded', durationMs: 1_000 }]);
  return stamp(runId, t0, events);
}
