import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineHealth } from '../engines/types.js';
import { EventBus, systemClock } from '../events/bus.js';
import { describeHealth, engineProber, probeWithin } from './probe.js';

afterEach(() => {
  vi.useRealTimers();
});

const healthy: EngineHealth = { ok: true, detail: 'podman 4.3.1 answered in 40ms', durationMs: 40 };

describe('probeWithin', () => {
  it('passes a result through', async () => {
    expect(await probeWithin(() => Promise.resolve(healthy), 5_000, systemClock)).toEqual(healthy);
  });

  it('turns a probe that hangs into a failed health after the hard timeout', async () => {
    vi.useFakeTimers();
    const result = probeWithin(() => new Promise<EngineHealth>(() => undefined), 5_000, systemClock);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await result).toEqual({ ok: false, detail: 'no answer within 5.0s', durationMs: 5_000, timedOut: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('turns a throwing probe into a failed health', async () => {
    expect(await probeWithin(() => Promise.reject(new Error('boom')), 5_000, systemClock)).toMatchObject({
      ok: false,
      detail: 'boom',
    });
  });
});

describe('engineProber', () => {
  it('emits one probe event per call, with the step that asked', async () => {
    const bus = new EventBus('run-x');
    const prober = engineProber(() => Promise.resolve(healthy), bus, systemClock);
    await prober('build:a');
    await prober();
    expect(bus.history).toMatchObject([
      { type: 'probe', target: 'engine', ok: true, detail: healthy.detail, durationMs: 40, stepId: 'build:a' },
      { type: 'probe', ok: true },
    ]);
    expect(bus.history[1]).not.toHaveProperty('stepId');
  });
});

describe('describeHealth', () => {
  it('says healthy or FAILED with the detail', () => {
    expect(describeHealth(healthy)).toBe('healthy, podman 4.3.1 answered in 40ms');
    expect(describeHealth({ ok: false, detail: 'connection refused', durationMs: 1 })).toBe(
      'FAILED, connection refused',
    );
  });
});
