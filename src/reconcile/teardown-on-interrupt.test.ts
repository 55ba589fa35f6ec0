import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus.js';
import type { ClusterTarget } from '../targets/types.js';
import { removeAfterInterrupt } from './teardown-on-interrupt.js';

function target(down: ClusterTarget['down']): ClusterTarget {
  return { type: 'podman', name: 'tarmac-shop', down } as unknown as ClusterTarget;
}

describe('removeAfterInterrupt', () => {
  it('runs down with a live signal and reports each thing removed', async () => {
    const bus = new EventBus('r');
    let signal: AbortSignal | undefined;
    const report = await removeAfterInterrupt(
      target(async (s) => {
        signal = s;
        return { removed: ['pod tarmac-shop-api'], keptForeign: ['network tarmac-shop-x'] };
      }),
      bus,
    );
    expect(signal?.aborted).toBe(false);
    expect(report?.removed).toEqual(['pod tarmac-shop-api']);
    expect(bus.history.map((e) => (e.type === 'decision' ? e.message : e.type))).toEqual([
      'interrupted with --no-keep: removing the env (podman tarmac-shop), as `tarmac down` would',
      'removed pod tarmac-shop-api',
      'left alone (not created by tarmac): network tarmac-shop-x',
    ]);
  });

  it('says what to do when the removal fails, without throwing', async () => {
    const bus = new EventBus('r');
    const report = await removeAfterInterrupt(
      target(async () => {
        throw new Error('podman is gone');
      }),
      bus,
    );
    expect(report).toBeUndefined();
    expect(bus.history.at(-1)).toMatchObject({
      type: 'decision',
      message: 'could not remove the env: podman is gone; run `tarmac down`',
    });
  });
});
