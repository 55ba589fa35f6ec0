import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

const names = ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'];

describe('didYouMean', () => {
  it('corrects a typo', () => {
    expect(didYouMean('datastorge', names)).toBe('datastorage');
  });

  it('completes an unambiguous abbreviation', () => {
    expect(didYouMean('holmes', names)).toBe('holmesgpt-api');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(didYouMean('frontend', names)).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
