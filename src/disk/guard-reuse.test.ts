import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '../engines/types.js';
import { diskGuard, type DiskGuardDeps } from './guard.js';
import { DISK_FACTS_MAX_AGE_MS } from './recent-facts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An engine whose storage is a real temp folder (statfs works on it); counts the calls the guard makes. */
function world() {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-disk-facts-'));
  dirs.push(dir);
  const calls: string[] = [];
  const engine = {
    name: 'podman',
    endpoint: '',
    info: () => (calls.push('info'), Promise.resolve({ storageRoot: dir, remote: false })),
    listImages: () => (calls.push('listImages'), Promise.resolve([])),
  } as unknown as ContainerEngine;
  const guard = (over: Partial<DiskGuardDeps> = {}) =>
    diskGuard({
      envName: 'e',
      imageNames: ['api'],
      engine,
      processEnv: { TMPDIR: dir },
      factsFile: join(dir, 'state', 'disk-facts.json'),
      disk: { minFreeBytes: 1024 },
      ...over,
    });
  return { calls, guard, dir };
}

describe('disk guard with recent engine facts', () => {
  it('asks the engine once, then measures free space without it while the facts are recent', async () => {
    const { calls, guard } = world();
    const first = await guard({ now: 1_000_000 });
    expect(calls).toEqual(['listImages', 'info']);
    const second = await guard({ now: 1_000_000 + DISK_FACTS_MAX_AGE_MS });
    expect(calls).toHaveLength(2);
    expect(second.lines).toEqual([]);
    expect(second.mounts.map((m) => m.label)).toEqual(first.mounts.map((m) => m.label));
    expect(second.mounts.every((m) => m.freeBytes > 0)).toBe(true);
  });

  it('asks the engine again when the facts are too old, of another storage setting, and the first time', async () => {
    const { calls, guard, dir } = world();
    await guard({ now: 1_000_000 });
    await guard({ now: 1_000_000 + DISK_FACTS_MAX_AGE_MS + 1 });
    expect(calls).toHaveLength(4);
    await guard({ now: 1_000_001, processEnv: { TMPDIR: dir, CONTAINERS_STORAGE_CONF: '/other.conf' } });
    expect(calls).toHaveLength(6);
  });

  it('judges a low disk afresh with the engine, and warns as without facts', async () => {
    const { calls, guard } = world();
    await guard({ now: 1_000_000 });
    const low = await guard({ now: 1_000_001, disk: { minFreeBytes: 2 ** 60 } });
    expect(calls.length).toBeGreaterThan(2);
    expect(low.lines[0]).toMatch(/^disk: low free space at engine storage /);
  });

  it('always lists the images under a prune policy; the storage path is the kept host fact', async () => {
    const { calls, guard } = world();
    const prune = { minFreeBytes: 1024, pruneDanglingOlderThanMs: 1 };
    await guard({ now: 1_000_000, disk: prune });
    await guard({ now: 1_000_001, disk: prune });
    expect(calls.filter((c) => c === 'listImages')).toHaveLength(2);
    expect(calls.filter((c) => c === 'info')).toHaveLength(1);
  });
});
