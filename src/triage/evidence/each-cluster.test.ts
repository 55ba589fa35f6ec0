import { describe, expect, it } from 'vitest';
import type { Env } from '../../config/types.js';
import type { CollectContext } from './context.js';
import { readEachCluster } from './each-cluster.js';
import { RawLog } from './raw-log.js';

const env = (name: string) => ({ name, cluster: { name } }) as unknown as Env;
const ctx = (siblings: Env[]) => ({ siblings }) as unknown as CollectContext;

describe('readEachCluster', () => {
  it('reads the env, then every sibling, in that order', async () => {
    const read = await readEachCluster(ctx([env('spoke'), env('edge')]), env('hub'), new RawLog(), async (e) =>
      e.cluster.name.toUpperCase(),
    );
    expect(read.map((r) => [r.env.cluster.name, r.value])).toEqual([
      ['hub', 'HUB'],
      ['spoke', 'SPOKE'],
      ['edge', 'EDGE'],
    ]);
  });

  it('notes and skips a sibling that cannot be read', async () => {
    const log = new RawLog();
    const read = await readEachCluster(ctx([env('spoke')]), env('hub'), log, async (e) => {
      if (e.cluster.name === 'spoke') throw new Error('kubectl: connection refused');
      return 1;
    });
    expect(read.map((r) => r.env.cluster.name)).toEqual(['hub']);
    expect(log.text()).toContain('cluster spoke could not be read: kubectl: connection refused');
  });

  it("fails with the env's own error", async () => {
    const reading = readEachCluster(ctx([env('spoke')]), env('hub'), new RawLog(), async (e) => {
      if (e.cluster.name === 'hub') throw new Error('hub is gone');
      return 1;
    });
    await expect(reading).rejects.toThrow('hub is gone');
  });

  it('reads only the env without siblings', async () => {
    const read = await readEachCluster({} as CollectContext, env('main'), new RawLog(), async () => 0);
    expect(read).toHaveLength(1);
  });
});
