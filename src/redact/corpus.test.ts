// The redaction corpus (test/fixtures/redaction): every secret shape masked, every look-alike untouched, with the
// lines fed one at a time as a step's output reaches the bus, and as one text as files reach the bundle.
import { describe, expect, it } from 'vitest';
import { lookalikeCases, secretCases } from '../../test/fixtures/redaction/corpus.js';
import { makeRedactor, makeStreamRedactor, redactDeep } from './redactor.js';

const redact = makeRedactor([]);

describe('redaction corpus', () => {
  it('has at least 60 secret shapes and 60 look-alikes', () => {
    expect(secretCases.length).toBeGreaterThanOrEqual(60);
    expect(lookalikeCases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(secretCases.map((c) => [c.name, c]))('masks %s, fed line by line', (_name, c) => {
    const stream = makeStreamRedactor(redact);
    const out = c.lines.map((l) => stream('step', l)).join('\n');
    expect(c.secrets.filter((s) => out.includes(s))).toEqual([]);
  });

  it.each(secretCases.map((c) => [c.name, c]))('masks %s, as one text and as a tail array', (_name, c) => {
    const text = redact(c.lines.join('\n'));
    const tail = redactDeep(c.lines, redact).join('\n');
    expect(c.secrets.filter((s) => text.includes(s) || tail.includes(s))).toEqual([]);
  });

  it.each(lookalikeCases.map((c) => [c.name, c.line]))('leaves %s alone', (_name, line) => {
    expect(redact(line)).toBe(line);
    expect(makeStreamRedactor(redact)('step', line)).toBe(line);
  });

  it('keeps the shape of a key block: BEGIN and END lines, one mask per body line', () => {
    const stream = makeStreamRedactor(redact);
    const lines = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEow', 'AKCAQ', '-----END RSA PRIVATE KEY-----', 'after'];
    expect(lines.map((l) => stream('a', l))).toEqual([
      '-----BEGIN RSA PRIVATE KEY-----',
      '***',
      '***',
      '-----END RSA PRIVATE KEY-----',
      'after',
    ]);
  });

  it('keeps each stream its own state: a key on one step does not mask another step', () => {
    const stream = makeStreamRedactor(redact);
    stream('a', '-----BEGIN PRIVATE KEY-----');
    expect(stream('b', 'plain output of another step')).toBe('plain output of another step');
    expect(stream('a', 'MIIEow')).toBe('***');
  });
});
