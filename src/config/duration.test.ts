import { describe, expect, it } from 'vitest';
import { durationMs, formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['2m30s', 150_000],
    [' 10s ', 10_000],
    ['45', 45_000],
    ['-5s', -5000],
    ['-1m30s', -90_000],
  ])('parses %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('treats plain numbers as seconds', () => {
    expect(parseDuration(30)).toBe(30_000);
    expect(parseDuration(0.25)).toBe(250);
  });

  it.each(['', 'abc', '10 minutes', '5d', 's', '1m-30s', '--5s'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects non-finite numbers', () => {
    expect(parseDuration(Number.NaN)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('durationMs (schema type)', () => {
  it('outputs milliseconds', () => {
    expect(durationMs.parse('2m')).toBe(120_000);
    expect(durationMs.parse(3)).toBe(3000);
  });

  it('says a negative or zero duration must be positive, quoting the input', () => {
    expect(durationMs.safeParse('-5s').error?.issues[0]?.message).toBe('Expected a positive duration, got `-5s`');
    expect(durationMs.safeParse(0).error?.issues[0]?.message).toBe('Expected a positive duration, got `0`');
  });

  it('explains the format for malformed input', () => {
    expect(durationMs.safeParse('soon').error?.issues[0]?.message).toMatch(
      /^Expected a duration such as "90s".*got `soon`$/,
    );
    expect(durationMs.safeParse([1]).error?.issues[0]?.message).toMatch(/^Expected a duration such as "90s"/);
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850ms'],
    [1000, '1.0s'],
    [12_300, '12.3s'],
    [60_000, '1m00s'],
    [245_000, '4m05s'],
    [3_720_000, '1h02m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
