// The state file: empty when absent, updates serialised and written atomically, wrong files refused.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../../errors/errors.js';
import { StateStore, statePaths } from './state.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';

const newPodmanStateDir = tempDirs('podman-state');

const dir = (): string => newPodmanStateDir();

describe('StateStore', () => {
  it('reads an empty state when there is no file, and keeps concurrent updates', async () => {
    const { file } = statePaths(join(dir(), 'nested'));
    const store = new StateStore(file, 'demo');
    expect(await store.read()).toEqual({ version: 1, env: 'demo', pods: {}, services: {}, volumes: [] });
    await Promise.all(['a', 'b', 'c'].map((v) => store.update((s) => void s.volumes.push(v))));
    expect((await store.read()).volumes.sort()).toEqual(['a', 'b', 'c']);
    expect(readdirSync(join(file, '..'))).toEqual(['podman-target.json']);
    await store.remove();
    expect((await store.read()).volumes).toEqual([]);
  });

  it('refuses a file of another env or a broken one, naming it', async () => {
    const { file } = statePaths(dir());
    writeFileSync(file, JSON.stringify({ version: 1, env: 'other', pods: {}, services: {}, volumes: [] }));
    const other = await new StateStore(file, 'demo').read().catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TarmacError);
    expect((other as TarmacError).message).toBe(`${file} is not a podman target state file of env demo`);
    writeFileSync(file, '{');
    expect(((await new StateStore(file, 'demo').read().catch((e: unknown) => e)) as TarmacError).code).toBe(
      'TARGET_STATE_UNREADABLE',
    );
    expect(readFileSync(file, 'utf8')).toBe('{');
  });
});
