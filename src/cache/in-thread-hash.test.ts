// Small contexts are hashed on the calling thread (issue 16): the same digest as a worker's, no worker started; a
// context over the budget stops the walk early and goes to the worker pool.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestContext } from './context-digest.js';
import { walkContext, walkContextWithin } from './context-walk.js';
import { hashContext, IN_THREAD_BUDGET } from './hash-context.js';
import { makeTree } from './make-tree.test-kit.js';
import { createContextPool, type ContextPool } from './worker/run.js';

let base: string;
let dir: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'tarmac-in-thread-'));
  dir = path.join(base, 'ctx');
  await makeTree(dir, {
    '.dockerignore': '*.log\n',
    'a.txt': 'aaaa',
    'b.log': 'ignored, not counted',
    'sub/run.sh': { content: 'xx', mode: 0o755 },
  });
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A pool that records the jobs sent to it and runs them on a real worker. */
function recordingPool(): ContextPool & { jobs: string[] } {
  const real = createContextPool(1);
  const jobs: string[] = [];
  return {
    jobs,
    run: (job, signal) => {
      jobs.push(job.root);
      return real.run(job, signal);
    },
    close: () => real.close(),
  };
}

describe('walkContextWithin and digestContext with a budget', () => {
  it('give what the unbounded walk and digest give while the context is within the budget', () => {
    // Four entries (.dockerignore, a.txt, sub, sub/run.sh) and 6 + 4 + 2 bytes (the ignore file is content too).
    const budget = { entries: 4, bytes: 12 };
    expect(walkContextWithin(dir, budget)).toEqual(walkContext(dir));
    expect(digestContext(dir, budget)).toEqual(digestContext(dir));
  });

  it('give up past the entries or the bytes of the budget', () => {
    expect(walkContextWithin(dir, { entries: 3, bytes: 1000 })).toBeUndefined();
    expect(walkContextWithin(dir, { entries: 100, bytes: 11 })).toBeUndefined();
    expect(digestContext(dir, { entries: 3, bytes: 1000 })).toBeUndefined();
  });
});

describe('hashContext with inThreadWithin', () => {
  it('hashes a context within the budget on this thread: no job goes to the pool', async () => {
    const pool = recordingPool();
    try {
      const hash = await hashContext(dir, { pool, inThreadWithin: IN_THREAD_BUDGET });
      expect(hash).toEqual(await hashContext(dir));
      expect(pool.jobs).toEqual([]);
    } finally {
      pool.close();
    }
  });

  it('sends a context over the budget to the pool, with the same digest', async () => {
    const pool = recordingPool();
    try {
      const hash = await hashContext(dir, { pool, inThreadWithin: { entries: 2, bytes: 1 } });
      expect(hash).toEqual(digestContext(dir));
      expect(pool.jobs).toEqual([dir]);
    } finally {
      pool.close();
    }
  });

  it('fails on this thread as the worker does (a missing context is a usage error)', async () => {
    const missing = path.join(base, 'missing');
    const inThread = await hashContext(missing, { inThreadWithin: IN_THREAD_BUDGET }).catch((e: unknown) => e);
    const onWorker = await hashContext(missing).catch((e: unknown) => e);
    expect(inThread).toMatchObject({ code: (onWorker as { code: string }).code, exitCode: 2 });
  });
});
