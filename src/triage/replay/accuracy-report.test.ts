// docs/triage-accuracy.md's shape: both halves side by side per category, the dev half's misses by case, the test
// half's only counted (its cases are never named), earlier measurements under the current ones.
import { describe, expect, it } from 'vitest';
import { accuracyMarkdown } from './accuracy-report.js';
import type { Scored } from './score.js';

function scored(id: string, category: Scored['category'], outcome: Scored['outcome'], top?: Scored['top']): Scored {
  return { id, category, url: `https://example.test/${id}`, outcome, ...(top ? { top } : {}) };
}

describe('accuracyMarkdown', () => {
  const doc = accuracyMarkdown({
    date: '2026-12-06',
    command: 'npm run bench:triage',
    corpusSize: 4,
    splitRecorded: true,
    halves: {
      dev: [
        scored('dev-right', 'proxy', 'right', { ruleId: 'proxy', confidence: 0.85 }),
        scored('dev-miss', 'proxy', 'wrong', { ruleId: 'build-dependency-download', confidence: 0.48 }),
      ],
      test: [
        scored('test-secret-1', 'proxy', 'wrong', { ruleId: 'image-pull-failed', confidence: 0.85 }),
        scored('test-secret-2', 'dns', 'unclassified'),
      ],
    },
    history: [
      {
        when: 'before',
        dev: { top1: 90, confidentWrong: 1, unclassified: 2 },
        test: { top1: 70, confidentWrong: 5, unclassified: 8 },
      },
    ],
  });

  it('puts each category of both halves on one row', () => {
    expect(doc).toContain('| proxy | 2 | 50.0% | 0.0% | 0.0% | 1 | 0.0% | 100.0% | 0.0% |');
    expect(doc).toContain('| dns | 0 | – | – | – | 1 | 0.0% | 0.0% | 100.0% |');
  });

  it("lists the dev half's misses by case and only counts the test half's", () => {
    expect(doc).toContain(
      '| proxy | dev-miss: build-dependency-download 48.0% | 1 wrong (1 confident), 0 unclassified |',
    );
    expect(doc).toContain('| dns | – | 0 wrong (0 confident), 1 unclassified |');
    expect(doc).not.toMatch(/test-secret/);
  });

  it('shows the earlier measurements', () => {
    expect(doc).toContain('| before | 90.0% / 1.0% / 2.0% | 70.0% / 5.0% / 8.0% |');
  });
});
