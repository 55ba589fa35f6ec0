import { describe, expect, it } from 'vitest';
import { TailBuffer } from './tail-buffer.js';

function fill(capacity: number, count: number): string[] {
  const tail = new TailBuffer(capacity);
  for (let i = 1; i <= count; i++) tail.push(`l${i}`);
  return tail.toArray();
}

describe('TailBuffer', () => {
  it('keeps everything below capacity', () => expect(fill(3, 2)).toEqual(['l1', 'l2']));
  it('keeps the last lines, oldest first, once it wrapped', () => expect(fill(3, 7)).toEqual(['l5', 'l6', 'l7']));
  it('keeps nothing with capacity 0', () => expect(fill(0, 5)).toEqual([]));
});
