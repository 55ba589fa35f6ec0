import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { RULES } from './rules/index.js';
import { apiRefused, engineOk, inputOf, journal, kindCluster, kindEnv, recordedRun, runOf } from './triage.test-kit.js';
import type { Rule } from './types.js';

const SEED = 'aianalysis-e2e';

/**
 * The seed (research-kubernaut #1 + #2): the engine crashed during 3 parallel builds (a real journal of a
 * SIGKILLed podman service), the machine answers again, kind lists the cluster, its node container is not
 * running, and the API refuses connections on port 52086.
 */
function seed() {
  return inputOf(
    { ...recordedRun('engine-lost'), env: kindEnv(SEED) },
    { engine: engineOk(), clusters: kindCluster(SEED, 'exited', apiRefused(52086)) },
  );
}

describe('diagnose', () => {
  it("the seed: the engine crash is the top verdict, with the dead cluster as its evidence and the seed's actions", () => {
    const { verdicts, unclassified } = diagnose(seed());
    expect(unclassified).toBeUndefined();
    const [top, ...rest] = verdicts;
    expect(top?.ruleId).toBe('engine-crash');
    expect(top?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(top?.summary).toMatch(/3 builds ran in parallel/);
    expect(top?.evidence).toEqual(
      expect.arrayContaining([
        `clusters: kind get clusters lists ${SEED}`,
        `clusters: node container ${SEED}-control-plane: exited (exit code 137)`,
        `api: https://127.0.0.1:52086: not reachable (The connection to the server 127.0.0.1:52086 was refused - did you specify the right host or port?)`,
      ]),
    );
    expect(top?.actions).toEqual(
      expect.arrayContaining([`kind delete cluster --name ${SEED}`, 'podman system prune -f']),
    );
    expect(top?.actions.join('\n')).toMatch(/--capacity 2/);
    // The consequence is listed, below the cause.
    expect(rest.map((v) => v.ruleId)).toContain('kind-node-stopped');
  });

  it('ranks by confidence, ties by causal order', () => {
    const rule = (id: string, confidence: number): Rule => ({
      id,
      title: id,
      refs: [],
      match: () => ({ confidence, summary: id, evidence: [], actions: [] }),
    });
    const { verdicts } = diagnose(seed(), [
      rule('later-but-surer', 0.9),
      rule('cause', 0.8),
      rule('consequence', 0.8),
      rule('weak', 0.2),
    ]);
    expect(verdicts.map((v) => v.ruleId)).toEqual(['later-but-surer', 'cause', 'consequence']);
  });

  it('a rule that throws is skipped and reported, never crashes triage', () => {
    const broken: Rule = {
      id: 'broken',
      title: 'broken',
      refs: [],
      match: () => {
        throw new Error('boom');
      },
    };
    const { verdicts, unclassified, ruleErrors } = diagnose(inputOf(recordedRun('build-failed')), [broken]);
    expect(verdicts).toEqual([]);
    expect(unclassified?.abnormal).toContain('triage rule broken: failed: boom');
    expect(ruleErrors).toEqual(['triage rule broken: failed: boom']);
    // With other rules matching, the verdicts stand and the broken rule is still reported.
    const withOthers = diagnose(inputOf(recordedRun('build-failed')), [broken, ...RULES]);
    expect(withOthers.verdicts[0]?.ruleId).toBe('build-failed');
    expect(withOthers.unclassified).toBeUndefined();
    expect(withOthers.ruleErrors).toEqual(['triage rule broken: failed: boom']);
  });

  it('an invented failure that no rule knows gives "unclassified" with what is abnormal, not a verdict', () => {
    const run = runOf(
      journal([
        { id: 'build:api' },
        {
          id: 'deliver:api',
          error: {
            code: 'ENDPOINT_MISSING',
            message: 'the flux capacitor of node shop-e2e-control-plane reads 0 GW',
            tail: ['capacitor: drained'],
          },
        },
      ]),
      kindEnv('shop-e2e'),
    );
    const { verdicts, unclassified } = diagnose(
      inputOf(run, {
        engine: engineOk(),
        clusters: kindCluster('shop-e2e', 'running', { ok: true, detail: '/readyz: ok' }),
      }),
    );
    expect(verdicts).toEqual([]);
    expect(unclassified?.summary).toBe(
      'No known failure mode matches: 1 step(s) failed (ENDPOINT_MISSING); the abnormal findings below are where to start.',
    );
    expect(unclassified?.abnormal).toEqual([
      'journal deliver:api: failed: [ENDPOINT_MISSING] the flux capacitor of node shop-e2e-control-plane reads 0 GW',
      'deliver:api output: capacitor: drained',
    ]);
  });

  it('tests that failed on a healthy env: "tests failed" on top, no infrastructure verdict', () => {
    const run = runOf(
      journal(
        [
          { id: 'build:api' },
          { id: 'cluster' },
          { id: 'deploy:apps' },
          { id: 'test', error: { code: 'TESTS_FAILED', message: 'tests failed: 1 of 3 cases failed' } },
        ],
        { tests: { tests: 3, passed: 2, failed: 1, skipped: 0, errors: 0 } },
      ),
    );
    const { verdicts } = diagnose(inputOf(run, { engine: engineOk() }));
    expect(verdicts.map((v) => v.ruleId)).toEqual(['tests-failed']);
  });
});
