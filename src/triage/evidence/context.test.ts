import { describe, expect, it } from 'vitest';
import type { ContainerEngine, EngineHealth } from '../../engines/types.js';
import { memoEngineHealth } from './context.js';

// An engine whose health probes answer in turn from `answers`; counts the probes.
function engineAnswering(...answers: EngineHealth[]) {
  const calls: number[] = [];
  const engine = {
    health: (timeoutMs: number) => {
      calls.push(timeoutMs);
      return Promise.resolve(answers[calls.length - 1] ?? answers.at(-1)!);
    },
  } as unknown as ContainerEngine;
  return { engine, calls };
}

const silent: EngineHealth = { ok: false, detail: 'no answer within 4.0s', durationMs: 4000, timedOut: true };
const answered: EngineHealth = { ok: true, detail: 'podman 4.3.1 answered in 900ms', durationMs: 900 };
const refused: EngineHealth = { ok: false, detail: 'connection refused', durationMs: 20 };

describe('memoEngineHealth', () => {
  it('probes once more when the first probe got no answer, and keeps the answer of the second', async () => {
    const { engine, calls } = engineAnswering(silent, answered);
    const health = memoEngineHealth(engine, new AbortController().signal);
    expect(await health()).toEqual(answered);
    expect(await health()).toEqual(answered);
    expect(calls).toEqual([4000, 4000]);
  });

  it('calls an engine silent twice hung, with both waits in its duration', async () => {
    const { engine, calls } = engineAnswering(silent, silent);
    expect(await memoEngineHealth(engine, new AbortController().signal)()).toEqual({ ...silent, durationMs: 8000 });
    expect(calls).toHaveLength(2);
  });

  it('takes a refusal at once: no second probe', async () => {
    const { engine, calls } = engineAnswering(refused, answered);
    expect(await memoEngineHealth(engine, new AbortController().signal)()).toEqual(refused);
    expect(calls).toHaveLength(1);
  });
});
