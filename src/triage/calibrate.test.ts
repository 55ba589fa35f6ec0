import { describe, expect, it } from 'vitest';
import { penaliseUnexplained, shareConfidence, UNEXPLAINED_CAP } from './calibrate.js';
import { isImageReference } from './rules/image-ref.js';
import { markersIn } from './rules/infra-markers.js';
import type { Verdict } from './types.js';

const verdict = (ruleId: string, confidence: number, explains?: Verdict['explains']): Verdict => ({
  ruleId,
  title: ruleId,
  confidence,
  summary: ruleId,
  evidence: [],
  actions: [],
  ...(explains ? { explains } : {}),
});

describe('calibration', () => {
  const markers = markersIn([
    { source: 'build:api output', text: 'dial tcp: lookup proxy.golang.org on 10.0.0.1:53: no such host' },
  ]);

  it('finds the marker family of a line', () => {
    expect(markers.map((m) => m.id)).toEqual(['dns']);
  });

  it('a verdict leaving a marker unexplained drops below 50% and lists it; one explaining it keeps its confidence', () => {
    const generic = penaliseUnexplained(verdict('build-failed', 0.9), markers);
    expect(generic.confidence).toBeLessThanOrEqual(UNEXPLAINED_CAP);
    expect(generic.unexplained?.[0]).toMatch(/DNS.*no such host/);
    const specific = penaliseUnexplained(verdict('dns-resolution', 0.85, ['dns']), markers);
    expect(specific.confidence).toBe(0.85);
    expect(specific.unexplained).toBeUndefined();
  });

  it('competing theories share at most 100%, strongest first; one with nothing left is dropped', () => {
    const shared = shareConfidence([verdict('a', 0.6), verdict('b', 0.5), verdict('c', 0.3), verdict('d', 0.3)]);
    expect(shared.map((v) => [v.ruleId, v.confidence])).toEqual([
      ['a', 0.6],
      ['b', 0.4],
    ]);
  });
});

describe('image references', () => {
  it.each(['alpine', 'localhost/api:dev', 'quay.io/org/app:1.2', 'registry:5000/a/b@sha256:' + 'a'.repeat(64)])(
    '%s is one',
    (s) => expect(isImageReference(s)).toBe(true),
  );
  it.each(['Step 3/7 : RUN make', 'error: exit status 1', '/tmp/x y', 'library/Alpine', ''])('%j is not one', (s) =>
    expect(isImageReference(s)).toBe(false),
  );
});
