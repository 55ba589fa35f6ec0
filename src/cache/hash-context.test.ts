import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { digestContext } from './context-digest.js';
import { walkContext } from './context-walk.js';
import { hashContext, listContextFiles } from './hash-context.js';
import { makeTree } from './make-tree.test-kit.js';
import { createContextPool } from './worker/run.js';

// The async API runs the synchronous core on a worker thread; these tests cover that boundary.
let base: string;
let dir: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'tarmac-worker-'));
  dir = path.join(base, 'ctx');
  await makeTree(dir, {
    '.dockerignore': '*.log\n',
    'a.txt': 'a',
    'b.log': 'b',
    'sub/run.sh': { content: 'x', mode: 0o755 },
  });
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('hashContext and listContextFiles (worker thread)', () => {
  it('answer what the synchronous core computes', async () => {
    const [hash, list] = await Promise.all([hashContext(dir), listContextFiles(dir)]);
    expect(hash).toEqual(digestContext(dir));
    expect(hash.files).toBe(3);
    expect(list).toEqual(walkContext(dir));
    expect(list.map((e) => e.path)).toEqual(['.dockerignore', 'a.txt', 'sub', 'sub/run.sh']);
  });

  it('bring a TarmacError from the worker back with its code and exit code', async () => {
    const missing = path.join(base, 'missing');
    const err = await hashContext(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TarmacError);
    expect(err).toMatchObject({ code: 'CONTEXT_NOT_FOUND', exitCode: 2 });
  });

  it('stop with a CancelledError when the signal is aborted, before or while running', async () => {
    await expect(hashContext(dir, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    const controller = new AbortController();
    const running = listContextFiles(dir, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('keep a TarmacError given as the abort reason', async () => {
    const reason = new TarmacError('STEP_TIMEOUT', 'timed out');
    await expect(hashContext(dir, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('share the workers of a pool: more jobs than workers queue, a failure or an abort does not stop the others', async () => {
    const pool = createContextPool(1);
    try {
      const controller = new AbortController();
      const jobs = [
        hashContext(dir, { pool }),
        hashContext(path.join(base, 'missing'), { pool }).catch((e: unknown) => e),
        hashContext(dir, { pool, signal: controller.signal }).catch((e: unknown) => e),
        listContextFiles(dir, { pool }),
      ];
      controller.abort();
      const [first, missing, aborted, list] = await Promise.all(jobs);
      expect(first).toEqual(digestContext(dir));
      expect(missing).toMatchObject({ code: 'CONTEXT_NOT_FOUND' });
      expect(aborted).toMatchObject({ code: 'CANCELLED' });
      expect(list).toEqual(walkContext(dir));
    } finally {
      pool.close();
    }
  });
});
