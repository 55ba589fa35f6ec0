import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '../engines/types.js';
import { engineStorage, engineStorageFile } from './engine-storage.js';
import { DISK_FACTS_MAX_AGE_MS } from './recent-facts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function world() {
  const temp = mkdtempSync(join(tmpdir(), 'tarmac-engine-storage-test-'));
  dirs.push(temp);
  let asked = 0;
  const engine = {
    name: 'podman',
    endpoint: '',
    info: () => ((asked += 1), Promise.resolve({ storageRoot: '/var/lib/containers/storage', remote: false })),
  } as unknown as ContainerEngine;
  return { engine, file: engineStorageFile(temp), asked: () => asked };
}

describe("the engine's storage path, kept for the host", () => {
  it('is asked once, then read from the temp dir by every later run while recent', async () => {
    const { engine, file, asked } = world();
    const first = await engineStorage(engine, {}, file, undefined, 1_000);
    expect(first).toEqual({ storageRoot: '/var/lib/containers/storage', remote: false });
    expect(await engineStorage(engine, {}, file, undefined, 1_000 + DISK_FACTS_MAX_AGE_MS)).toEqual(first);
    expect(asked()).toBe(1);
  });

  it('is asked again when too old, for other storage settings, or when the file is not readable JSON', async () => {
    const { engine, file, asked } = world();
    await engineStorage(engine, {}, file, undefined, 1_000);
    await engineStorage(engine, {}, file, undefined, 1_001 + DISK_FACTS_MAX_AGE_MS);
    expect(asked()).toBe(2);
    await engineStorage(engine, { CONTAINERS_STORAGE_CONF: '/other.conf' }, file, undefined, 1_002);
    expect(asked()).toBe(3);
    writeFileSync(file, '{not json');
    await engineStorage(engine, { CONTAINERS_STORAGE_CONF: '/other.conf' }, file, undefined, 1_003);
    expect(asked()).toBe(4);
  });

  it('keeps one answer per storage setting, so runs with different stores side by side do not evict each other', async () => {
    const { engine, file, asked } = world();
    const other = { CONTAINERS_STORAGE_CONF: '/other.conf' };
    await engineStorage(engine, {}, file, undefined, 1_000);
    await engineStorage(engine, other, file, undefined, 1_001);
    await engineStorage(engine, {}, file, undefined, 1_002);
    await engineStorage(engine, other, file, undefined, 1_003);
    expect(asked()).toBe(2);
  });

  it('keeps at most 8 settings, dropping the oldest', async () => {
    const { engine, file, asked } = world();
    for (let i = 0; i < 9; i++) await engineStorage(engine, { CONTAINERS_STORAGE_CONF: `/s${i}` }, file, undefined, i);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toHaveLength(8);
    await engineStorage(engine, { CONTAINERS_STORAGE_CONF: '/s8' }, file, undefined, 10);
    expect(asked()).toBe(9);
    await engineStorage(engine, { CONTAINERS_STORAGE_CONF: '/s0' }, file, undefined, 11);
    expect(asked()).toBe(10);
  });

  it('is named for the user, in the given temp dir', () => {
    expect(engineStorageFile('/t')).toBe(`/t/tarmac-engine-storage-${process.getuid?.() ?? 'user'}.json`);
  });
});
