import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { missingFact } from './missing-evidence.js';
import { statusTable } from './status-table.js';
import { engineOk, inputOf, journal, kindEnv, recordedRun, runOf } from './triage.test-kit.js';
import type { CollectorRun, Rule } from './types.js';

const SEED = 'aianalysis-e2e';

/** A collector that timed out, then timed out again on its retry (a starved collector on a loaded runner). */
function starved(name: string): CollectorRun<never> {
  return {
    name,
    ok: false,
    timedOut: true,
    durationMs: 11_000,
    raw: '',
    attempts: 2,
    budgetMs: 11_000,
    error: 'no answer within 6.0s; on a retry: no answer within 5.0s',
  };
}

describe('missing evidence', () => {
  it('the seed without its cluster evidence: still the engine crash on top, saying what it did not see', () => {
    const clusters = starved('clusters');
    const { verdicts } = diagnose(
      inputOf(
        { ...recordedRun('engine-lost'), env: kindEnv(SEED) },
        { engine: engineOk(), clusters, missing: [missingFact(clusters)] },
      ),
    );
    expect(verdicts[0]?.ruleId).toBe('engine-crash');
    expect(verdicts[0]?.evidence).toContain(
      'missing: clusters evidence is missing (collector timed out twice, 11.0s in all): this verdict was reached without it',
    );
  });

  it('a deploy that failed without workload evidence: unclassified, naming the evidence and the rules it kept from checking', () => {
    const workloads = starved('workloads');
    const run = runOf(
      journal([
        { id: 'build:app' },
        { id: 'cluster' },
        { id: 'deploy:apps', error: { code: 'DEPLOY_TIMEOUT', message: 'deploy:apps: app not ready within 12s' } },
      ]),
      kindEnv('shop-e2e'),
    );
    const { verdicts, unclassified } = diagnose(
      inputOf(run, { engine: engineOk(), workloads, missing: [missingFact(workloads)] }),
    );
    expect(verdicts).toEqual([]);
    expect(unclassified?.summary).toMatch(/Evidence is missing \(workloads\): rules that read it could not check\.$/);
    const line = unclassified?.abnormal.find((l) => l.startsWith('missing: workloads evidence is missing'));
    expect(line).toMatch(/not checked without it: .*missing-serviceaccount/);
    expect(line).toMatch(/unschedulable/);
  });

  it('a verdict whose rule reads no missing evidence is left as it is', () => {
    const workloads = starved('workloads');
    const journalOnly: Rule = {
      id: 'journal-only',
      title: 'reads the journal only',
      refs: [],
      match: (input) => ({
        confidence: 0.9,
        summary: `${input.run.events.length} events`,
        evidence: ['e'],
        actions: [],
      }),
    };
    const { verdicts } = diagnose(
      inputOf(recordedRun('build-failed'), { engine: engineOk(), workloads, missing: [missingFact(workloads)] }),
      [journalOnly],
    );
    expect(verdicts[0]?.ruleId).toBe('journal-only');
    expect(verdicts[0]?.evidence.some((l) => l.startsWith('missing:'))).toBe(false);
  });

  it('the status table says the collector timed out twice, with its whole budget', () => {
    const rows = statusTable({ collectedAt: 0, engine: engineOk(), workloads: starved('workloads') });
    expect(rows.find((r) => r.component === 'workloads')).toEqual({
      component: 'workloads',
      status: 'unknown',
      evidence:
        'collector timed out, retried once (11.0s in all): no answer within 6.0s; on a retry: no answer within 5.0s',
    });
  });
});
