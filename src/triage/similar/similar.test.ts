import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { renderTriageMarkdown } from '../render-md.js';
import { renderTriageText } from '../render-text.js';
import type { CorpusCase } from '../replay/corpus-case.js';
import { scoreCase } from '../replay/score.js';
import { inputOf, journal, runOf } from '../triage.test-kit.js';
import type { Rule, TriageResult } from '../types.js';
import { failureText, MAX_LINE_LENGTH, MAX_LINES } from './failure-text.js';
import { buildKnownIndex, type KnownReport } from './known-index.js';
import { resemblanceLine } from './resemblance-line.js';
import { SIMILARITY_FLOOR } from './similar-lead.js';
import { failureTokens } from './tokens.js';

const report = (id: string, category: string, text: string): KnownReport => ({
  id,
  category,
  url: `https://example.test/issues/${id}`,
  cause: `the cause of ${id}`,
  text,
});

const CGROUP = [
  'Failed to mount cgroup at /sys/fs/cgroup/systemd: Operation not permitted',
  'systemd exited with code 1',
];
const REPORTS = [
  report('a', 'kind-node-boot', CGROUP.join('\n')),
  report('b', 'proxy', 'Received HTTP code 407 from proxy after CONNECT\ncurl: (56) proxy authentication required'),
  report('c', 'dns', 'dial tcp: lookup registry.example on 10.0.0.1:53: server misbehaving'),
];
const index = buildKnownIndex(REPORTS);

// A failed build step whose output no rule here knows.
const failedBuild = (tail: string[]) =>
  inputOf(runOf(journal([{ id: 'build:api', error: { code: 'BUILD_FAILED', message: 'build failed', tail } }])));

describe('failureTokens', () => {
  it('keeps words and neighbouring pairs, drops numbers and hex ids', () => {
    const t = failureTokens('Error 125: container 3f9a2b7c81d0 exited, Exit Code 137');
    expect([...t]).toEqual(expect.arrayContaining(['error', 'container', 'exited', 'exit', 'code', 'exit code']));
    expect([...t].some((w) => /\d|3f9a/.test(w))).toBe(false);
  });
});

describe('buildKnownIndex', () => {
  it('finds the report that shares the rare words, whatever the numbers', () => {
    const near = index.nearest('Received HTTP code 407 from proxy after CONNECT (attempt 3)');
    expect(near?.report.id).toBe('b');
    expect(near!.similarity).toBeGreaterThan(SIMILARITY_FLOOR);
    expect(near!.shared).toBeGreaterThan(4);
  });

  it('counts the words no report has: a long output with one familiar line is less alike than the line alone', () => {
    const line = 'Received HTTP code 407 from proxy after CONNECT';
    const noise = Array.from({ length: 200 }, (_, i) => `unrelated progress word${String.fromCharCode(97 + (i % 26))}`);
    expect(index.nearest([...noise, line].join('\n'))!.similarity).toBeLessThan(index.nearest(line)!.similarity / 2);
  });

  it('has no neighbour for a text that shares no word with any report', () => {
    expect(index.nearest('zzz qqq xxx')).toBeUndefined();
  });
});

describe('failureText', () => {
  it('keeps the last lines of a huge output, each cut to a bounded length', () => {
    const tail = Array.from({ length: MAX_LINES + 50 }, (_, i) => `line ${i} ${'x'.repeat(MAX_LINE_LENGTH)}`);
    const lines = failureText(failedBuild(tail)).split('\n');
    expect(lines).toHaveLength(MAX_LINES);
    expect(lines.at(-1)).toMatch(new RegExp(`^line ${MAX_LINES + 49} `));
    expect(Math.max(...lines.map((l) => l.length))).toBe(MAX_LINE_LENGTH);
  });
});

describe('diagnose with known reports', () => {
  it('names the nearest report on "unclassified", with its category, cause and similarity; no verdict', () => {
    const d = diagnose(failedBuild(CGROUP), [], () => index);
    expect(d.verdicts).toEqual([]);
    expect(d.unclassified?.resembles).toEqual({
      url: 'https://example.test/issues/a',
      category: 'kind-node-boot',
      cause: 'the cause of a',
      similarity: 1,
    });
    expect(d.unclassified?.abnormal.some((l) => l.includes('build:api'))).toBe(true);
  });

  it('names none when the nearest report is not alike enough', () => {
    const tail = ['the layer copy stopped: systemd said so'];
    const near = index.nearest(tail[0]!);
    expect(near?.report.id).toBe('a');
    expect(near!.similarity).toBeLessThan(SIMILARITY_FLOOR);
    expect(diagnose(failedBuild(tail), [], () => index).unclassified?.resembles).toBeUndefined();
  });

  it('reads the known reports only for a failure no rule fits', () => {
    let asked = 0;
    const known = () => {
      asked += 1;
      return index;
    };
    const always: Rule = {
      id: 'always',
      title: 'always',
      refs: [],
      match: () => ({ confidence: 0.8, summary: 's', evidence: [], actions: [] }),
    };
    expect(diagnose(failedBuild(CGROUP), [always], known).verdicts[0]?.ruleId).toBe('always');
    const healthy = inputOf(runOf(journal([{ id: 'build:api' }])));
    expect(diagnose(healthy, [], known).unclassified?.resembles).toBeUndefined();
    expect(asked).toBe(0);
  });
});

describe('a lead in the scores and the output', () => {
  const d = diagnose(failedBuild(CGROUP), [], () => index);

  it('scores as unclassified, with whether the report it names has the case category', () => {
    const corpusCase = (category: CorpusCase['category']): CorpusCase => ({
      id: 'x',
      category,
      source: { url: 'https://example.test/x' },
      rootCause: 'r',
      phase: 'build',
      exitCode: 1,
      output: 'o',
      pod: null,
    });
    expect(scoreCase(corpusCase('kind-node-boot'), d)).toMatchObject({ outcome: 'unclassified', lead: true });
    expect(scoreCase(corpusCase('dns'), d)).toMatchObject({ outcome: 'unclassified', lead: false });
  });

  it('is one line under the unclassified summary in the terminal and in triage.md', () => {
    const result: TriageResult = { generatedAt: 0, durationMs: 1, status: [], verdicts: [], collectors: [] };
    const withLead = { ...result, unclassified: d.unclassified! };
    const line = resemblanceLine(d.unclassified!.resembles!);
    expect(line).toBe(
      'resembles https://example.test/issues/a (a known kind-node-boot failure, similarity 1.00); its established cause: the cause of a',
    );
    expect(renderTriageText(withLead)).toContain(line);
    expect(renderTriageMarkdown(withLead)).toContain(line);
  });
});
