import { describe, expect, it } from 'vitest';
import { describeFailure, shortCommand } from './describe.js';
import type { CommandResult } from './types.js';

const base: CommandResult = {
  command: 'podman build -t x .',
  exitCode: 125,
  signal: undefined,
  timedOut: false,
  cancelled: false,
  forceKilled: false,
  durationMs: 1234,
  stdout: '',
  stderr: '',
  tail: [],
  ok: false,
};

describe('describeFailure', () => {
  it('names the exit code', () => expect(describeFailure(base)).toBe('`podman build -t x .` exited 125'));
  it('names the timeout that was given', () => {
    expect(
      describeFailure({
        ...base,
        exitCode: undefined,
        signal: 'SIGTERM',
        timedOut: true,
        timeoutMs: 30_000,
        durationMs: 30_012,
      }),
    ).toBe('`podman build -t x .` timed out after 30.0s');
  });
  it('says a stubborn process was force-killed', () => {
    expect(
      describeFailure({ ...base, exitCode: undefined, signal: 'SIGKILL', cancelled: true, forceKilled: true }),
    ).toBe('`podman build -t x .` was cancelled (it ignored SIGTERM and was killed with SIGKILL)');
  });
  it('tells a cancel before start apart', () => {
    expect(describeFailure({ ...base, exitCode: undefined, cancelled: true })).toBe(
      '`podman build -t x .` was cancelled before it started',
    );
  });
  it('names an outside signal', () =>
    expect(describeFailure({ ...base, exitCode: undefined, signal: 'SIGKILL' })).toBe(
      '`podman build -t x .` was killed by SIGKILL',
    ));
  it('names a spawn error', () => {
    expect(describeFailure({ ...base, exitCode: undefined, spawnError: 'podman not found' })).toBe(
      '`podman build -t x .` could not start: podman not found',
    );
  });
});

describe('formatting helpers', () => {
  it('shortens long commands', () => {
    expect(shortCommand('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortCommand('short', 10)).toBe('short');
  });
});
