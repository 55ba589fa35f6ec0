import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { Resource } from './resources.js';

describe('Resource', () => {
  it('tracks use and notifies listeners of every change', () => {
    const engine = new Resource('engine', 2);
    const seen: string[] = [];
    const off = engine.onChange((s) => seen.push(`${s.inUse}/${s.capacity}`));
    engine.take(2);
    expect(engine.canTake(1)).toBe(false);
    engine.release(1);
    expect(engine.canTake(1)).toBe(true);
    engine.setCapacity(3);
    engine.setCapacity(3);
    engine.take(0);
    off();
    engine.release(1);
    expect(seen).toEqual(['2/2', '1/2', '1/3']);
    expect(engine.snapshot()).toEqual({ name: 'engine', capacity: 3, inUse: 0 });
  });

  it('rejects a capacity below 1 as a usage error', () => {
    expect(() => new Resource('engine', 0)).toThrow(TarmacError);
    expect(() => new Resource('engine', 1).setCapacity(1.5)).toThrow(/positive integer/);
  });
});
