import { describe, expect, it } from 'vitest';
import { eachChain, playChains } from './play-chains.js';
import type { PlayUnit } from './play-plan.js';

function unit(podName: string, kind: string, name: string, shared: { volumes?: string[]; secrets?: string[] } = {}) {
  return {
    podName,
    workload: { kind, name },
    volumes: shared.volumes ?? [],
    secrets: shared.secrets ?? [],
  } as unknown as PlayUnit;
}

const names = (chains: PlayUnit[][]) => chains.map((chain) => chain.map((u) => u.podName));

describe('playChains', () => {
  it('plays workloads that share nothing side by side', () => {
    expect(names(playChains([unit('a', 'Deployment', 'a'), unit('b', 'Deployment', 'b')]))).toEqual([['a'], ['b']]);
  });

  it('keeps the pods of one StatefulSet in order, in one chain', () => {
    const units = [
      unit('db-0', 'StatefulSet', 'db'),
      unit('web', 'Deployment', 'web'),
      unit('db-1', 'StatefulSet', 'db'),
    ];
    expect(names(playChains(units))).toEqual([['db-0', 'db-1'], ['web']]);
  });

  it('chains units that share a volume or a secret, also through a third unit', () => {
    const units = [
      unit('a', 'Deployment', 'a', { volumes: ['data'] }),
      unit('b', 'Deployment', 'b', { secrets: ['token'] }),
      unit('c', 'Deployment', 'c', { volumes: ['data'], secrets: ['token'] }),
      unit('d', 'Deployment', 'd', { secrets: ['other'] }),
    ];
    expect(names(playChains(units))).toEqual([['a', 'b', 'c'], ['d']]);
  });
});

describe('eachChain', () => {
  it('runs at most `limit` items at once and each chain in order', async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const gates = new Map<string, () => void>();
    const run = (item: string) =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        gates.set(item, () => {
          running--;
          done.push(item);
          resolve();
        });
      });
    const all = eachChain([['a1', 'a2'], ['b1'], ['c1']], 2, run);
    // Release whatever is running, one at a time, until everything ran.
    while (done.length < 4) {
      await new Promise((r) => setImmediate(r));
      const next = [...gates.keys()].find((k) => !done.includes(k));
      if (next) gates.get(next)!();
    }
    await all;
    expect(most).toBe(2);
    expect(done.indexOf('a1')).toBeLessThan(done.indexOf('a2'));
  });

  it('starts nothing new after a failure, lets the running one end, and throws the first failure', async () => {
    const started: string[] = [];
    let releaseB: () => void = () => undefined;
    let bEnded = false;
    const run = (item: string) => {
      started.push(item);
      if (item === 'a1') return Promise.reject(new Error('a1 failed'));
      if (item === 'b1')
        return new Promise<void>((resolve) => {
          releaseB = () => {
            bEnded = true;
            resolve();
          };
        });
      return Promise.resolve();
    };
    const all = eachChain([['a1', 'a2'], ['b1'], ['c1']], 2, run);
    await new Promise((r) => setImmediate(r));
    releaseB();
    await expect(all).rejects.toThrow('a1 failed');
    expect(bEnded).toBe(true);
    expect(started).toEqual(['a1', 'b1']);
  });
});
