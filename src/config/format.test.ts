import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors.js';
import { formatProblemList, formatProblems, formatWarnings } from './format.js';

const problem = {
  file: '/p/app/tarmac.yaml',
  line: 12,
  col: 5,
  path: 'images[1].weight',
  message: 'Expected a weight of at least 1, got `0`',
};

describe('formatProblems', () => {
  it('prints file:line:col path: message and the hint, the file relative to cwd', () => {
    const err = new ConfigError('/p/app/tarmac.yaml', [{ ...problem, hint: 'Use 1.' }]);
    expect(formatProblems(err, '/p')).toBe(
      'app/tarmac.yaml:12:5 images[1].weight: Expected a weight of at least 1, got `0`\n  hint: Use 1.',
    );
  });

  it('omits the path when a problem has none and the hint line when there is no hint', () => {
    expect(formatProblemList([{ ...problem, path: '' }], '/p/app')).toBe(
      'tarmac.yaml:12:5: Expected a weight of at least 1, got `0`',
    );
  });

  it('keeps one problem per line, in the given order', () => {
    const lines = formatProblemList([problem, { ...problem, line: 20 }], '/p/app').split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['tarmac.yaml:12:5', 'tarmac.yaml:20:5']);
  });
});

describe('formatWarnings', () => {
  it('marks each line as a warning', () => {
    expect(formatWarnings([problem], '/p/app')).toBe(
      'tarmac.yaml:12:5 images[1].weight: warning: Expected a weight of at least 1, got `0`',
    );
  });
});
