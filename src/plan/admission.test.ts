import { describe, expect, it } from 'vitest';
import { admit, fits, readyOrder, stepsToStart } from './admission.js';

const c = (id: string, claim: number, estimateMs = 60_000) => ({ id, claim, estimateMs });

describe('admit', () => {
  it('starts candidates in the given (priority) order while they fit', () => {
    expect(admit([c('heavy', 2), c('a', 1), c('b', 1)], [], 2, 0)).toEqual(['heavy']);
    expect(admit([c('a', 1), c('b', 1), c('heavy', 2)], [], 2, 0)).toEqual(['a', 'b']);
  });

  it('starts an over-capacity candidate only when nothing holds the engine, and then nothing else', () => {
    expect(admit([c('big', 5), c('a', 1)], [], 2, 0)).toEqual(['big']);
    expect(admit([c('big', 5), c('a', 1, 1_000)], [{ claim: 1, expectedEndAt: 10_000 }], 2, 0)).toEqual(['a']);
    expect(admit([c('big', 5), c('a', 1, 60_000)], [{ claim: 1, expectedEndAt: 10_000 }], 2, 0)).toEqual([]);
  });

  it('backfills behind a blocked head only with work that ends before the head can start', () => {
    const holders = [{ claim: 1, expectedEndAt: 30_000 }];
    expect(admit([c('head', 2), c('short', 1, 20_000)], holders, 2, 0)).toEqual(['short']);
    expect(admit([c('head', 2), c('long', 1, 40_000)], holders, 2, 0)).toEqual([]);
  });

  it('backfills long work into units the head leaves free', () => {
    // Capacity 4, two units held until t=30s: the head (3) fits only then, and leaves 1 unit spare.
    const holders = [{ claim: 2, expectedEndAt: 30_000 }];
    // So one long single-unit step may start now, a second may not.
    expect(admit([c('head', 3), c('l1', 1, 90_000), c('l2', 1, 90_000)], holders, 4, 0)).toEqual(['l1']);
  });

  it('treats overdue holders as ending now', () => {
    const holders = [{ claim: 1, expectedEndAt: 5_000 }];
    expect(admit([c('head', 2), c('x', 1, 1)], holders, 2, 10_000)).toEqual([]);
    expect(admit([c('head', 2), c('zero', 1, 0)], holders, 2, 10_000)).toEqual(['zero']);
  });

  it('always admits zero-claim candidates, even next to an over-weight holder', () => {
    expect(admit([c('free', 0)], [{ claim: 9, expectedEndAt: 100 }], 2, 0)).toEqual(['free']);
  });
});

describe('fits', () => {
  it('fits claims within the free units', () => {
    expect(fits(1, 1, 2)).toBe(true);
    expect(fits(2, 1, 2)).toBe(false);
  });

  it('lets an over-capacity claim in only when nothing is in use', () => {
    expect(fits(3, 0, 2)).toBe(true);
    expect(fits(3, 1, 2)).toBe(false);
    expect(fits(2, 0, 2)).toBe(true);
  });

  it('always fits a zero claim', () => {
    expect(fits(0, 5, 2)).toBe(true);
  });
});

describe('readyOrder and stepsToStart', () => {
  const step = (id: string, priority: number, engine: number, estimateMs = 60_000) => ({
    id,
    priority,
    claims: { engine },
    estimateMs,
  });
  const rank = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]);

  it('orders by priority, then heavier claim, then plan order', () => {
    const sorted = [step('c', 1, 1), step('b', 1, 1), step('a', 1, 2), step('x', 5, 1)].sort(readyOrder(rank));
    expect(sorted.map((s) => s.id)).toEqual(['x', 'a', 'b', 'c']);
  });

  it('starts the ready steps admission lets in, in that order', () => {
    // c would still run when b ends and the heavier a could start: it waits.
    const started = stepsToStart([step('c', 1, 1, 120_000), step('b', 2, 1), step('a', 1, 2)], [], 2, 0, rank);
    expect(started.map((s) => s.id)).toEqual(['b']);
    expect(stepsToStart([step('c', 1, 1), step('b', 2, 1)], [], 2, 0, rank).map((s) => s.id)).toEqual(['b', 'c']);
  });
});
