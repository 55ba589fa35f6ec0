import { describe, expect, it } from 'vitest';
import { topoOrder } from './graph.js';
import { computePriorities, criticalPath } from './priorities.js';

const n = (id: string, estimateMs: number, ...deps: string[]) => ({ id, deps, estimateMs });

describe('computePriorities', () => {
  it('is the estimate plus the highest priority among dependants', () => {
    const nodes = [n('a', 10), n('b', 5, 'a'), n('c', 30, 'a'), n('d', 1, 'b', 'c'), n('e', 7)];
    const p = computePriorities(nodes, topoOrder(nodes));
    expect(Object.fromEntries(p)).toEqual({ d: 1, b: 6, c: 31, a: 41, e: 7 });
  });

  it('gives a lone zero-estimate step priority 0', () => {
    const nodes = [n('a', 0)];
    expect(computePriorities(nodes, topoOrder(nodes)).get('a')).toBe(0);
  });
});

describe('criticalPath', () => {
  it('follows the longest chain from a root to a leaf', () => {
    const nodes = [n('a', 10), n('b', 5, 'a'), n('c', 30, 'a'), n('d', 1, 'b', 'c'), n('e', 7)];
    const order = topoOrder(nodes);
    const result = criticalPath(nodes, order, computePriorities(nodes, order));
    expect(result).toEqual({ path: ['a', 'c', 'd'], ms: 41 });
  });

  it('picks a lone long step over a short chain', () => {
    const nodes = [n('a', 1), n('b', 1, 'a'), n('z', 100)];
    const order = topoOrder(nodes);
    expect(criticalPath(nodes, order, computePriorities(nodes, order))).toEqual({ path: ['z'], ms: 100 });
  });

  it('is empty for an empty plan', () => {
    expect(criticalPath([], [], new Map())).toEqual({ path: [], ms: 0 });
  });
});
