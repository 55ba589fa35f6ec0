import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { makeRedactor } from '../redact/redactor.js';
import { collectEvidence } from './collect.js';
import type { Collector } from './evidence/context.js';

const runner = fakeRunner(() => ({}));
const quick: Collector<unknown> = {
  name: 'memory',
  applies: () => true,
  collect: async () => ({ data: { totalBytes: 1, availableBytes: 1 }, raw: 'token hunter2-secret-value here' }),
};
// Ignores its signal on purpose: the runner must still cut it off.
const hangs: Collector<unknown> = { name: 'engine', applies: () => true, collect: () => new Promise(() => undefined) };
const throws: Collector<unknown> = {
  name: 'disk',
  applies: () => true,
  collect: async () => {
    throw new Error('statfs: EACCES\nsecond line');
  },
};
const skipped: Collector<unknown> = {
  name: 'clusters',
  applies: () => false,
  collect: async () => ({ data: [], raw: '' }),
};

describe('collectEvidence', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('cuts a hanging collector off at its timeout and still returns the others', async () => {
    const started = Date.now();
    const evidence = await collectEvidence({
      runner,
      processEnv: {},
      signal: new AbortController().signal,
      redact: (s) => s,
      timeoutMs: 300,
      collectors: [hangs, quick, throws, skipped],
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(evidence.engine).toMatchObject({
      name: 'engine',
      ok: false,
      timedOut: true,
      attempts: 2,
      error: 'no answer within 0.3s; on a retry: no answer within 0.3s',
    });
    expect(evidence.memory).toMatchObject({ ok: true, timedOut: false, data: { totalBytes: 1 } });
    expect(evidence.disk).toMatchObject({ ok: false, timedOut: false, attempts: 2 });
    expect(evidence.clusters).toBeUndefined();
    // Both collectors without facts were retried once and are listed as missing.
    expect(evidence.missing).toEqual([
      { collector: 'engine', timedOut: true, budgetMs: 600, attempts: 2, error: expect.stringMatching(/retry/) },
      {
        collector: 'disk',
        timedOut: false,
        budgetMs: 600,
        attempts: 2,
        error: 'statfs: EACCES; on a retry: statfs: EACCES',
      },
    ]);
  });

  it('retries a collector that hung once with a fresh budget, and keeps its answer', async () => {
    const signals: AbortSignal[] = [];
    const abortedAtRetry: boolean[] = [];
    const hangsOnce: Collector<unknown> = {
      name: 'clusters',
      applies: () => true,
      collect: (_ctx, signal) => {
        abortedAtRetry.push(...signals.map((s) => s.aborted), signal.aborted);
        signals.push(signal);
        return signals.length === 1 ? new Promise(() => undefined) : Promise.resolve({ data: [], raw: 'kind' });
      },
    };
    const evidence = await collectEvidence({
      runner,
      processEnv: {},
      signal: new AbortController().signal,
      redact: (s) => s,
      timeoutMs: 200,
      collectors: [hangsOnce, quick],
    });
    expect(evidence.clusters).toMatchObject({ ok: true, timedOut: false, attempts: 2, data: [], raw: 'kind' });
    expect(evidence.missing).toBeUndefined();
    // When the retry started, the first attempt had been cut off and the retry's own signal was live.
    expect(abortedAtRetry).toEqual([false, true, false]);
  });

  it('gives a retry only what is left before the deadline, and none when too little is left', async () => {
    const slow: Collector<unknown> = { ...hangs, name: 'workloads', timeoutMs: 400 };
    const late: Collector<unknown> = { ...hangs, name: 'kindLogs', timeoutMs: 900 };
    const started = Date.now();
    const evidence = await collectEvidence({
      runner,
      processEnv: {},
      signal: new AbortController().signal,
      redact: (s) => s,
      deadlineMs: 1_000,
      collectors: [slow, late],
    });
    // workloads: 400 ms, then the 400 ms it may still have (600 left); kindLogs: 100 ms left is under its 900 ms.
    expect(evidence.workloads).toMatchObject({ timedOut: true, attempts: 2, budgetMs: 800 });
    expect(evidence.kindLogs).toMatchObject({ timedOut: true, attempts: 1, budgetMs: 900 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('does not retry after the collection was aborted', async () => {
    const controller = new AbortController();
    const aborting: Collector<unknown> = {
      name: 'ports',
      applies: () => true,
      collect: () => {
        setTimeout(() => controller.abort(), 50);
        return new Promise(() => undefined);
      },
    };
    const evidence = await collectEvidence({
      runner,
      processEnv: {},
      signal: controller.signal,
      redact: (s) => s,
      timeoutMs: 200,
      collectors: [aborting],
    });
    expect(evidence.ports).toMatchObject({ ok: false, timedOut: true, attempts: 1 });
  });

  it('aborts the signal a collector was given when it times out', async () => {
    let seen: AbortSignal | undefined;
    const watcher: Collector<unknown> = {
      name: 'engine',
      applies: () => true,
      collect: (_ctx, signal) => {
        seen = signal;
        return new Promise(() => undefined);
      },
    };
    await collectEvidence({
      runner,
      processEnv: {},
      signal: new AbortController().signal,
      redact: (s) => s,
      timeoutMs: 100,
      collectors: [watcher],
    });
    expect(seen?.aborted).toBe(true);
  });

  it("writes each collector's raw output, redacted, to <runDir>/evidence", async () => {
    dir = mkdtempSync(join(tmpdir(), 'tarmac-collect-'));
    await collectEvidence({
      runner,
      processEnv: {},
      runDir: dir,
      signal: new AbortController().signal,
      redact: makeRedactor(['hunter2-secret-value']),
      timeoutMs: 300,
      collectors: [quick, hangs],
    });
    const memory = readFileSync(join(dir, 'evidence', 'memory.txt'), 'utf8');
    expect(memory).toContain('token');
    expect(memory).not.toContain('hunter2-secret-value');
    expect(readFileSync(join(dir, 'evidence', 'engine.txt'), 'utf8')).toMatch(/^# timed out: no answer within 0\.3s/);
  });
});
