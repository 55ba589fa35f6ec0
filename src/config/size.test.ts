import { describe, expect, it } from 'vitest';
import { formatSize, parseSize, sizeBytes } from './size.js';
import { ageMs, parseAge } from './age.js';

describe('parseSize', () => {
  it.each([
    ['2GiB', 2 * 1024 ** 3],
    ['500MiB', 500 * 1024 ** 2],
    ['1.5GB', 1_500_000_000],
    ['2g', 2 * 1024 ** 3],
    ['10 KiB', 10_240],
    ['4096', 4096],
    ['1tb', 1e12],
    ['-1GiB', -(1024 ** 3)],
  ])('parses %j as %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'GiB', 'lots', '2 GiBs', '1,5GB', '2GiB free', '--2g'])('rejects %j', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });

  it('takes numbers as bytes and rejects non-finite ones', () => {
    expect(parseSize(1234)).toBe(1234);
    expect(parseSize(Number.NaN)).toBeUndefined();
  });
});

describe('sizeBytes (schema type)', () => {
  it('outputs bytes', () => {
    expect(sizeBytes.parse('1MiB')).toBe(1_048_576);
  });

  it('quotes malformed and non-positive input', () => {
    expect(sizeBytes.safeParse('2 gigs').error?.issues[0]?.message).toBe(
      'Expected a size such as "2GiB", "500MiB" or a number of bytes, got `2 gigs`',
    );
    expect(sizeBytes.safeParse('0MiB').error?.issues[0]?.message).toBe('Expected a positive size, got `0MiB`');
  });
});

describe('formatSize', () => {
  it.each([
    [512, '512 B'],
    [30 * 1024 ** 2, '30.0 MiB'],
    [2 * 1024 ** 3, '2.0 GiB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('parseAge', () => {
  it.each([
    ['7d', 7 * 86_400_000],
    ['1d12h', 36 * 3_600_000],
    ['36h', 36 * 3_600_000],
    ['90m', 5_400_000],
  ])('parses %j', (text, ms) => {
    expect(parseAge(text)).toBe(ms);
  });

  it.each(['7 days', 'd', '7d5', 'week'])('rejects %j', (text) => {
    expect(parseAge(text)).toBeUndefined();
  });

  it('gives located-ready messages in the schema type', () => {
    expect(ageMs.safeParse('a week').error?.issues[0]?.message).toBe(
      'Expected an age such as "7d", "36h" or a number of seconds, got `a week`',
    );
    expect(ageMs.parse('2d')).toBe(172_800_000);
  });
});
