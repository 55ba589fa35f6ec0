import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../diagnose.js';
import type { CorpusCase } from './corpus-case.js';
import { confidentWrong, rates, scoreCase } from './score.js';

const c: CorpusCase = {
  id: 'x-1',
  category: 'crashloop',
  source: { url: 'https://example.test/1' },
  rootCause: 'r',
  phase: 'deploy',
  exitCode: null,
  output: 'o',
  pod: null,
};

function verdict(ruleId: string, confidence: number): Diagnosis {
  return { verdicts: [{ ruleId, title: ruleId, confidence, summary: '', evidence: [], actions: [] }] };
}

describe('scoreCase', () => {
  it('is right when the top rule is accepted for the category, wrong otherwise, unclassified without verdict', () => {
    expect(scoreCase(c, verdict('crash-loop', 0.9)).outcome).toBe('right');
    expect(scoreCase(c, verdict('image-not-local', 0.8)).outcome).toBe('wrong');
    expect(scoreCase(c, { verdicts: [], unclassified: { summary: '', abnormal: [] } }).outcome).toBe('unclassified');
  });

  it('counts a wrong verdict as confident from 50%', () => {
    expect(confidentWrong(scoreCase(c, verdict('build-failed', 0.5)))).toBe(true);
    expect(confidentWrong(scoreCase(c, verdict('build-failed', 0.45)))).toBe(false);
    expect(confidentWrong(scoreCase(c, verdict('crash-loop', 0.95)))).toBe(false);
    const all = [verdict('crash-loop', 0.9), verdict('build-failed', 0.6), { verdicts: [] }].map((d) =>
      scoreCase(c, d),
    );
    expect(rates(all)).toEqual({ cases: 3, right: 1, confidentWrong: 1, unclassified: 1, led: 0, leadsRight: 0 });
  });

  it('counts the unclassified cases with a similar-report lead, and the leads that name the category', () => {
    const lead = (category: string) => ({
      verdicts: [],
      unclassified: { summary: '', abnormal: [], resembles: { url: 'u', category, cause: 'x', similarity: 0.5 } },
    });
    const all = [lead(c.category), lead('dns'), { verdicts: [] }].map((d) => scoreCase(c, d));
    expect(rates(all)).toMatchObject({ unclassified: 3, led: 2, leadsRight: 1 });
  });
});
