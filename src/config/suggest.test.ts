import { describe, expect, it } from 'vitest';
import { closestMatch, suggestionHint } from './suggest.js';

describe('closestMatch', () => {
  it('finds swapped and dropped letters', () => {
    expect(closestMatch('imagse', ['name', 'images', 'deploy'])).toBe('images');
    expect(closestMatch('wieght', ['name', 'weight', 'context'])).toBe('weight');
    expect(closestMatch('dependsOn', ['dependson'])).toBe('dependson');
  });

  it('prefers a case-only difference', () => {
    expect(closestMatch('Weight', ['weight', 'height'])).toBe('weight');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(closestMatch('colour', ['command', 'env', 'junit', 'timeout', 'cwd'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});

describe('suggestionHint', () => {
  it('names the likely candidate', () => {
    expect(suggestionHint('bsae', ['base', 'api'], 'Images')).toBe('Did you mean `base`?');
  });

  it('lists the candidates when none is close', () => {
    expect(suggestionHint('frontend', ['base', 'api'], 'Images in this file')).toBe(
      'Images in this file: `base`, `api`.',
    );
  });

  it('gives no hint without candidates', () => {
    expect(suggestionHint('x', [], 'Images')).toBeUndefined();
  });
});
