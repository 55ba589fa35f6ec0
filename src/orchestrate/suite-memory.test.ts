import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerMemory } from '../engines/container-memory.js';
import { startSuiteMemorySampler } from './suite-memory.js';

const HOUR = 3_600_000;
const kind = (cluster: string) => ({ 'io.x-k8s.kind.cluster': cluster });

/** A read the test answers by hand, one reading at a time. */
function manualRead() {
  const pending: ((usage: ContainerMemory[]) => void)[] = [];
  return {
    pending,
    read: () => new Promise<ContainerMemory[]>((resolve) => pending.push(resolve)),
    answer: async (usage: ContainerMemory[]) => {
      pending.shift()!(usage);
      // Let the measurement's continuation (and a queued one) run.
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('suite memory sampler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('measures nothing periodically before the first request, then every everyMs', async () => {
    vi.useFakeTimers();
    const m = manualRead();
    const sampler = startSuiteMemorySampler({
      suites: new Map([['a', [kind('a')]]]),
      read: m.read,
      everyMs: 1_000,
      signal: new AbortController().signal,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(m.pending).toHaveLength(0);
    sampler.sample();
    expect(m.pending).toHaveLength(1);
    m.pending.shift()!([{ labels: kind('a'), bytes: 3 }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.pending).toHaveLength(1);
    m.pending.shift()!([{ labels: kind('a'), bytes: 4 }]);
    const peaks = sampler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(m.pending).toHaveLength(0);
    expect(await peaks).toEqual([{ suite: 'a', peakBytes: 4, samples: 2 }]);
  });

  it('adds up each suite over its clusters, keeps the peak, and counts the measurements that saw it', async () => {
    const m = manualRead();
    const sampler = startSuiteMemorySampler({
      suites: new Map([
        ['fleet', [kind('fleet-hub'), kind('fleet-spoke')]],
        ['gateway', [kind('gateway')]],
      ]),
      read: m.read,
      everyMs: HOUR,
      signal: new AbortController().signal,
    });
    sampler.sample();
    await m.answer([
      { labels: kind('fleet-hub'), bytes: 300 },
      { labels: kind('fleet-spoke'), bytes: 200 },
      { labels: { other: 'x' }, bytes: 9_000 },
    ]);
    sampler.sample();
    await m.answer([
      { labels: kind('fleet-hub'), bytes: 100 },
      { labels: kind('gateway'), bytes: 50 },
    ]);
    expect(await sampler.stop()).toEqual([
      { suite: 'fleet', peakBytes: 500, samples: 2 },
      { suite: 'gateway', peakBytes: 50, samples: 1 },
    ]);
  });

  it('runs one more measurement after the one under way, however often it is asked meanwhile', async () => {
    const m = manualRead();
    const sampler = startSuiteMemorySampler({
      suites: new Map([['a', [kind('a')]]]),
      read: m.read,
      everyMs: HOUR,
      signal: new AbortController().signal,
    });
    sampler.sample();
    sampler.sample();
    sampler.sample();
    expect(m.pending).toHaveLength(1);
    await m.answer([{ labels: kind('a'), bytes: 1 }]);
    expect(m.pending).toHaveLength(1);
    await m.answer([{ labels: kind('a'), bytes: 2 }]);
    expect(m.pending).toHaveLength(0);
    expect(await sampler.stop()).toEqual([{ suite: 'a', peakBytes: 2, samples: 2 }]);
  });

  it('skips a failed read, waits at stop for the measurement under way, and abandons it when the run is cancelled', async () => {
    let calls = 0;
    const m = manualRead();
    const cancel = new AbortController();
    const sampler = startSuiteMemorySampler({
      suites: new Map([['a', [kind('a')]]]),
      read: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('engine gone')) : m.read();
      },
      everyMs: HOUR,
      signal: cancel.signal,
    });
    sampler.sample();
    await new Promise((r) => setImmediate(r));
    sampler.sample();
    const stopped = sampler.stop();
    await m.answer([{ labels: kind('a'), bytes: 7 }]);
    expect(await stopped).toEqual([{ suite: 'a', peakBytes: 7, samples: 1 }]);
    const second = startSuiteMemorySampler({
      suites: new Map([['a', [kind('a')]]]),
      read: (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
      everyMs: HOUR,
      signal: cancel.signal,
    });
    second.sample();
    cancel.abort();
    expect(await second.stop()).toEqual([]);
  });
});
