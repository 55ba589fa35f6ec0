import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { PlanCycleError, dependantsOf, findCycle, topoOrder } from './graph.js';

const node = (id: string, ...deps: string[]) => ({ id, deps });

describe('topoOrder', () => {
  it('puts every dependency before its dependants, taking the earliest ready step in input order', () => {
    const order = topoOrder([node('d', 'b', 'c'), node('b', 'a'), node('c', 'a'), node('a'), node('e')]);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(topoOrder([node('e'), node('b', 'a'), node('a')])).toEqual(['e', 'a', 'b']);
  });

  it('names the cycle in dependency direction', () => {
    const run = () => topoOrder([node('x'), node('a', 'b'), node('b', 'c'), node('c', 'a')]);
    expect(run).toThrow(PlanCycleError);
    try {
      run();
    } catch (err) {
      const error = err as PlanCycleError;
      expect(error.code).toBe('PLAN_CYCLE');
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe('dependency cycle: a -> b -> c -> a');
      expect(error.cycle).toEqual(['a', 'b', 'c', 'a']);
    }
  });

  it('reports a step that depends on itself', () => {
    expect(() => topoOrder([node('a', 'a')])).toThrow('dependency cycle: a -> a');
  });

  it('rejects a dependency on a step that is not in the plan', () => {
    const error = (() => {
      try {
        topoOrder([node('a', 'ghost')]);
      } catch (err) {
        return err as TarmacError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('PLAN_UNKNOWN_DEP');
    expect(error?.message).toContain('ghost');
  });

  it('rejects duplicate step ids', () => {
    expect(() => topoOrder([node('a'), node('a')])).toThrow(/appears twice/);
  });

  it('handles long chains without recursion limits', () => {
    const nodes = Array.from({ length: 5_000 }, (_, i) => (i === 0 ? node('s0') : node(`s${i}`, `s${i - 1}`)));
    expect(topoOrder(nodes.slice().reverse())).toHaveLength(5_000);
    const closed = [node('s0', 's4999'), ...nodes.slice(1)];
    expect(findCycle(closed)).toHaveLength(5_001);
  });
});

describe('findCycle', () => {
  it('returns undefined for a DAG', () => {
    expect(findCycle([node('a'), node('b', 'a'), node('c', 'a', 'b')])).toBeUndefined();
  });
});

describe('dependantsOf', () => {
  it('lists direct dependants once each', () => {
    const map = dependantsOf([node('a'), node('b', 'a', 'a'), node('c', 'a')]);
    expect(map.get('a')).toEqual(['b', 'c']);
    expect(map.get('c')).toEqual([]);
  });
});
