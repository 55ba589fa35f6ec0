import { describe, expect, it } from 'vitest';
import { stepConfigLines } from './config-lines.js';

const config = [
  'version: 1', // 1
  'cluster:', // 2
  '', // 3
  'images:', // 4
  '  - context: ./api', // 5
  '    name: api', // 6
  '  - name: 12', // 7
  'deploy:', // 8
  '  - name: apps', // 9
  'test:', // 10
  '  command: [npm, test]', // 11
].join('\n');

describe('stepConfigLines', () => {
  it('finds the line of each step’s entry in tarmac.yaml', () => {
    const ids = ['build:api', 'deliver:12', 'deploy:apps', 'cluster:kind', 'test:suite'];
    expect(Object.fromEntries(stepConfigLines(config, ids))).toEqual({
      'build:api': 6,
      'deliver:12': 7,
      'deploy:apps': 9,
      'cluster:kind': 2,
      'test:suite': 11,
    });
  });

  it('leaves out steps without an entry, and everything when the YAML does not parse', () => {
    expect([...stepConfigLines(config, ['build:web', 'deploy:other', 'seed:x']).keys()]).toEqual([]);
    expect(stepConfigLines('images: [', ['build:api']).size).toBe(0);
    expect([...stepConfigLines('version: 1\n', ['cluster:kind', 'test:x']).keys()]).toEqual([]);
  });
});
