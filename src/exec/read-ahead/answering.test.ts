// The runner that hands out a read ahead's answer once, bounded like the process it stands for.
import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandRunner } from '../types.js';
import { answeringRunner } from './answering.js';
import type { StartedReadAhead } from './start.js';

const LISTING = ['ps', '-a', '--filter', 'label=io.tarmac.env=shop', '--format', 'json'];

const result = (over: Partial<CommandResult> = {}): CommandResult => ({
  command: 'podman ps',
  exitCode: 0,
  signal: undefined,
  timedOut: false,
  cancelled: false,
  forceKilled: false,
  durationMs: 5,
  stdout: '[]',
  stderr: '',
  tail: [],
  ok: true,
  ...over,
});

/** A read ahead whose process ends when `finish` is called (or when stopped). */
function readAhead(env: Record<string, string> = {}) {
  let finish!: (r: CommandResult) => void;
  const stops: number[] = [];
  const ahead: StartedReadAhead = {
    recipe: { configFile: '/p/tarmac.yaml', cmd: 'podman', args: LISTING, env },
    startedAt: 0,
    result: new Promise((done) => (finish = done)),
    stop: () => {
      stops.push(1);
      finish(result({ ok: false, cancelled: true, exitCode: undefined, signal: 'SIGTERM', stdout: '' }));
    },
  };
  return { ahead, finish: (r: CommandResult) => finish(r), stops };
}

/** A runner that records its calls and answers `ran`. */
function recording() {
  const calls: string[][] = [];
  const runner: CommandRunner = (cmd, args) => {
    calls.push([cmd, ...args]);
    return Promise.resolve(result({ stdout: 'ran' }));
  };
  return { runner, calls };
}

describe('answeringRunner', () => {
  it('answers the first equal call from the read ahead, and runs every other call', async () => {
    const { ahead, finish } = readAhead({ A: '1' });
    const { runner, calls } = recording();
    const used: CommandResult[] = [];
    const answering = answeringRunner(runner, ahead, (r) => used.push(r));
    finish(result({ stdout: 'ahead' }));
    expect((await answering('podman', ['version'], { env: { A: '1' } })).stdout).toBe('ran');
    expect((await answering('podman', LISTING, { env: { A: '2' } })).stdout).toBe('ran');
    expect((await answering('podman', LISTING, { env: { A: '1' }, timeoutMs: 60_000 })).stdout).toBe('ahead');
    expect(used.map((r) => r.stdout)).toEqual(['ahead']);
    // Once only: the same question asked again is a new read.
    expect((await answering('podman', LISTING, { env: { A: '1' } })).stdout).toBe('ran');
    expect(calls).toEqual([
      ['podman', 'version'],
      ['podman', ...LISTING],
      ['podman', ...LISTING],
    ]);
  });

  it("stops the read ahead at the caller's timeout and answers as a timed-out process", async () => {
    const { ahead, stops } = readAhead();
    const { runner } = recording();
    const answered = await answeringRunner(runner, ahead, () => undefined)('podman', LISTING, { timeoutMs: 1 });
    expect(answered).toMatchObject({ ok: false, timedOut: true, cancelled: false, timeoutMs: 1 });
    expect(stops).toHaveLength(1);
  });

  it("stops the read ahead when the caller's signal aborts", async () => {
    const { ahead, stops } = readAhead();
    const { runner } = recording();
    const abort = new AbortController();
    const answering = answeringRunner(runner, ahead, () => undefined)('podman', LISTING, { signal: abort.signal });
    abort.abort();
    expect(await answering).toMatchObject({ ok: false, cancelled: true, timedOut: false });
    expect(stops).toHaveLength(1);
  });

  it('passes on a failed read ahead as the result, without calling it used', async () => {
    const { ahead, finish } = readAhead();
    const { runner, calls } = recording();
    const used: CommandResult[] = [];
    finish(result({ ok: false, exitCode: 125, stderr: 'Error: cannot connect' }));
    const answered = await answeringRunner(runner, ahead, (r) => used.push(r))('podman', LISTING);
    expect(answered).toMatchObject({ ok: false, exitCode: 125, stderr: 'Error: cannot connect' });
    expect(used).toEqual([]);
    expect(calls).toEqual([]);
  });
});
