import { describe, expect, it } from 'vitest';
import { fakeResult, fakeRunner } from './fake-runner.test-kit.js';

describe('fakeRunner', () => {
  it('records calls, fills defaults and replays output lines', async () => {
    const runner = fakeRunner(({ args }) => (args[0] === 'fail' ? { exitCode: 2, stderr: 'bad' } : { stdout: 'a\nb' }));
    const seen: string[] = [];
    const ok = await runner('tool', ['go', 'x y'], { onLine: (line, stream) => seen.push(`${stream}:${line}`) });
    expect(ok).toMatchObject({ ok: true, exitCode: 0, command: "tool go 'x y'", tail: ['a', 'b'] });
    expect(seen).toEqual(['stdout:a', 'stdout:b']);
    expect(await runner('tool', ['fail'])).toMatchObject({ ok: false, exitCode: 2, tail: ['bad'] });
    expect(runner.calls.map((c) => c.args)).toEqual([['go', 'x y'], ['fail']]);
  });

  it('marks spawn errors, timeouts and cancels as not ok', () => {
    expect(fakeResult({ exitCode: undefined, spawnError: 'x not found' }).ok).toBe(false);
    expect(fakeResult({ timedOut: true }).ok).toBe(false);
    expect(fakeResult({ cancelled: true }).ok).toBe(false);
  });
});
