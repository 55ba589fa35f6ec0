import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeRunner } from '../exec/fake-runner.js';
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
      error: 'no answer within 0.3s',
    });
    expect(evidence.memory).toMatchObject({ ok: true, timedOut: false, data: { totalBytes: 1 } });
    expect(evidence.disk).toMatchObject({ ok: false, timedOut: false, error: 'statfs: EACCES' });
    expect(evidence.clusters).toBeUndefined();
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
