import { describe, expect, it } from 'vitest';
import { locate, parseYaml } from './yaml-source.js';

const TEXT = [
  'name: shop', //               line 1
  'images:', //                  line 2
  '  - name: api', //            line 3
  '    weight: 0', //            line 4
  '  - name: web', //            line 5
  'registry:', //                line 6
  'base: &b { context: svc }', // line 7
  'alias: *b', //                line 8
].join('\n');

function source() {
  const { source, errors } = parseYaml(TEXT);
  expect(errors).toEqual([]);
  return source;
}

describe('locate', () => {
  it('points at the value of an existing path', () => {
    expect(locate(source(), ['images', 0, 'weight'])).toEqual({ line: 4, col: 13 });
    expect(locate(source(), ['name'])).toEqual({ line: 1, col: 7 });
  });

  it('points at the key itself for unknown keys', () => {
    expect(locate(source(), ['images', 0, 'weight'], true)).toEqual({ line: 4, col: 5 });
  });

  it('points at a list entry', () => {
    expect(locate(source(), ['images', 1])).toEqual({ line: 5, col: 5 });
  });

  it('falls back to the nearest existing ancestor for a missing key', () => {
    expect(locate(source(), ['images', 1, 'context'])).toEqual({ line: 5, col: 5 });
    expect(locate(source(), ['registry', 'url'])).toEqual({ line: 6, col: 1 });
  });

  it('points at the key when its value is empty', () => {
    expect(locate(source(), ['registry'])).toEqual({ line: 6, col: 1 });
  });

  it('follows aliases', () => {
    expect(locate(source(), ['alias', 'context'])).toEqual({ line: 7, col: 21 });
  });
});

describe('parseYaml', () => {
  it('reports syntax errors with position and a hint', () => {
    const { errors } = parseYaml('name: a\n\tbad: 1\n');
    expect(errors).toEqual([
      expect.objectContaining({
        line: 2,
        col: 1,
        message: expect.stringMatching(/^YAML syntax error: /),
        hint: expect.stringMatching(/spaces/),
      }),
    ]);
  });

  it('reports duplicate keys as errors', () => {
    const { errors } = parseYaml('a: 1\na: 2\n');
    expect(errors.map((e) => [e.line, e.col])).toEqual([[2, 1]]);
  });
});
