import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { scoreCase, CONFIDENT } from '../replay/score.js';
import type { CorpusCase } from '../replay/corpus-case.js';
import { inputOf, journal, runOf } from '../triage.test-kit.js';
import { buildKnownIndex, withoutReport, type KnownReport } from './known-index.js';
import { similarVerdict, SIMILAR_CONFIDENCE, SIMILAR_RULE_ID, SIMILARITY_FLOOR } from './similar-verdict.js';
import { failureTokens } from './tokens.js';

const report = (id: string, category: string, text: string): KnownReport => ({
  id,
  category,
  url: `https://example.test/issues/${id}`,
  cause: `the cause of ${id}`,
  text,
});

const REPORTS = [
  report(
    'a',
    'kind-node-boot',
    'Failed to mount cgroup at /sys/fs/cgroup/systemd: Operation not permitted\nsystemd exited',
  ),
  report('b', 'proxy', 'Received HTTP code 407 from proxy after CONNECT\ncurl: (56) proxy authentication required'),
  report('c', 'dns', 'dial tcp: lookup registry.example on 10.0.0.1:53: server misbehaving'),
];

// A failed build step whose output no rule knows: the words of report a, with other numbers and ids.
const buildFailure = (tail: string[]) =>
  inputOf(runOf(journal([{ id: 'build:api', error: { code: 'BUILD_FAILED', message: 'build failed', tail } }])));

describe('failureTokens', () => {
  it('keeps words and neighbouring pairs, drops numbers and hex ids', () => {
    const t = failureTokens('Error 125: container 3f9a2b7c81d0 exited, Exit Code 137');
    expect([...t]).toEqual(expect.arrayContaining(['error', 'container', 'exited', 'exit', 'code', 'exit code']));
    expect([...t].some((w) => /\d|3f9a/.test(w))).toBe(false);
  });
});

describe('buildKnownIndex', () => {
  const index = buildKnownIndex(REPORTS);

  it('finds the report that shares the rare words, whatever the numbers', () => {
    const near = index.nearest('proxy said: Received HTTP code 407 from proxy after CONNECT (attempt 3)');
    expect(near?.report.id).toBe('b');
    expect(near!.similarity).toBeGreaterThan(0.3);
  });

  it('never offers a report as its own neighbour once left out', () => {
    const text = REPORTS[0]!.text;
    expect(index.nearest(text)?.report.id).toBe('a');
    expect(withoutReport(index, 'a').nearest(text)?.report.id).not.toBe('a');
  });

  it('has no neighbour for a text that shares no word with any report', () => {
    expect(index.nearest('zzz qqq xxx')).toBeUndefined();
  });
});

describe('similarVerdict and diagnose', () => {
  const index = buildKnownIndex(REPORTS);
  const cgroupTail = ['Failed to mount cgroup at /sys/fs/cgroup/systemd: Operation not permitted', 'systemd exited'];

  it('offers the nearest report below a confident verdict, naming it, its cause and what to look at', () => {
    const d = diagnose(buildFailure(cgroupTail), [], () => index);
    const top = d.verdicts[0]!;
    expect(top.ruleId).toBe(SIMILAR_RULE_ID);
    expect(top.confidence).toBe(SIMILAR_CONFIDENCE);
    expect(top.confidence).toBeLessThan(CONFIDENT);
    expect(top.resembles).toMatchObject({ category: 'kind-node-boot', url: 'https://example.test/issues/a' });
    expect(top.summary).toContain('the cause of a');
    expect(top.evidence[0]).toMatch(/^similar report: https:\/\/example\.test\/issues\/a \(similarity [01]\.\d\d\)$/);
    expect(top.evidence.some((l) => l.includes('build:api'))).toBe(true);
    expect(d.unclassified).toBeUndefined();
  });

  it('stays unclassified when the nearest report is not alike enough', () => {
    // One word of report a among words no report has: some likeness, far below the floor.
    const tail = ['the layer copy stopped: systemd said so'];
    const input = buildFailure(tail);
    const near = index.nearest(tail[0]!);
    expect(near?.report.id).toBe('a');
    expect(near!.similarity).toBeGreaterThan(0);
    expect(near!.similarity).toBeLessThan(SIMILARITY_FLOOR);
    expect(similarVerdict(input, index, { abnormal: [], commands: [] })).toBeUndefined();
    const d = diagnose(input, [], () => index);
    expect(d.verdicts).toEqual([]);
    expect(d.unclassified?.abnormal.length).toBeGreaterThan(0);
  });

  it('reads the known reports only when no rule fits', () => {
    let asked = 0;
    const rule = {
      id: 'always',
      title: 'always',
      refs: [],
      match: () => ({ confidence: 0.8, summary: 's', evidence: [], actions: [] }),
    };
    const d = diagnose(buildFailure(cgroupTail), [rule], () => {
      asked += 1;
      return index;
    });
    expect(d.verdicts[0]?.ruleId).toBe('always');
    expect(asked).toBe(0);
  });
});

describe('scoreCase with a theory by resemblance', () => {
  const index = buildKnownIndex(REPORTS);
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
  const d = diagnose(
    buildFailure(['Failed to mount cgroup at /sys/fs/cgroup/systemd: Operation not permitted', 'systemd exited']),
    [],
    () => index,
  );

  it('is right when the report it names has the case category, wrong otherwise', () => {
    expect(scoreCase(corpusCase('kind-node-boot'), d).outcome).toBe('right');
    expect(scoreCase(corpusCase('dns'), d).outcome).toBe('wrong');
  });
});
