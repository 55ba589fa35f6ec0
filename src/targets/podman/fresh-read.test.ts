// FreshRead: a caller gets a read that started after its own last change: it joins one in flight that did, else it
// queues for the next (one read for every caller queued meanwhile); alone, a caller reads at once.
import { describe, expect, it } from 'vitest';
import { FreshRead, mark } from './fresh-read.js';

// A read whose answers the test releases one by one, in the order the reads started.
function controlledRead() {
  const pending: ((value: number) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  let started = 0;
  const reader = new FreshRead<number>(
    () =>
      new Promise<number>((resolve, reject) => {
        started += 1;
        pending.push(resolve);
        failures.push(reject);
      }),
  );
  return {
    reader,
    started: () => started,
    /** Answers the oldest read that has not answered, with its number (1: the first read). */
    answer: () => pending.shift()!(started - pending.length),
    fail: () => {
      pending.shift();
      failures.shift()!(new Error('podman failed'));
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('FreshRead', () => {
  it('reads at once for a caller alone, and again for the next caller once that read ended', async () => {
    const read = controlledRead();
    const first = read.reader.get(mark());
    expect(read.started()).toBe(1);
    read.answer();
    await expect(first).resolves.toBe(1);
    const second = read.reader.get(mark());
    expect(read.started()).toBe(2);
    read.answer();
    await expect(second).resolves.toBe(2);
  });

  it('lets a caller whose change ended before the read in flight started join it', async () => {
    const read = controlledRead();
    const changed = mark();
    const first = read.reader.get(mark());
    const joined = read.reader.get(changed);
    read.answer();
    await expect(first).resolves.toBe(1);
    await settle();
    // No second read started for it: it had the first one's answer.
    expect(read.started()).toBe(1);
    await expect(joined).resolves.toBe(1);
  });

  it('makes a caller whose change ended after the read in flight started wait for the next one, shared by all queued', async () => {
    const read = controlledRead();
    const first = read.reader.get(mark());
    const a = read.reader.get(mark());
    const b = read.reader.get(mark());
    // Not started yet: the next read starts only when the one in flight has ended.
    expect(read.started()).toBe(1);
    read.answer();
    await expect(first).resolves.toBe(1);
    await settle();
    expect(read.started()).toBe(2);
    read.answer();
    await expect(Promise.all([a, b])).resolves.toEqual([2, 2]);
  });

  it('starts the queued read after a failed one, and gives the failure only to the callers of the failed read', async () => {
    const read = controlledRead();
    const first = read.reader.get(mark());
    const queued = read.reader.get(mark());
    read.fail();
    await expect(first).rejects.toThrow('podman failed');
    await settle();
    expect(read.started()).toBe(2);
    read.answer();
    await expect(queued).resolves.toBe(2);
  });

  it("ends only the aborted caller's wait; the read goes on for the others", async () => {
    const read = controlledRead();
    const abort = new AbortController();
    const since = mark();
    const waiting = read.reader.get(since, abort.signal);
    const other = read.reader.get(since);
    abort.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    read.answer();
    await expect(other).resolves.toBe(1);
    expect(read.started()).toBe(1);
  });
});
