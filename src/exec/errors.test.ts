import { describe, expect, it } from 'vitest';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { commandFailed } from './errors.js';
import type { CommandResult } from './types.js';

const result: CommandResult = {
  command: 'podman tag a b',
  exitCode: 125,
  signal: undefined,
  timedOut: false,
  cancelled: false,
  forceKilled: false,
  durationMs: 40,
  stdout: '',
  stderr: 'Error: a: image not known',
  tail: Array.from({ length: 30 }, (_, i) => `line ${i + 1}`),
  ok: false,
};

describe('commandFailed', () => {
  it('builds a TarmacError with the failure appended and the last output lines as details', () => {
    const error = commandFailed(result, {
      code: 'ENGINE_COMMAND_FAILED',
      message: 'Could not tag image a as b',
      hint: 'Check the image exists.',
      stepId: 'image:build:a',
    });
    expect(error).toBeInstanceOf(TarmacError);
    expect(error.code).toBe('ENGINE_COMMAND_FAILED');
    expect(error.message).toBe('Could not tag image a as b: `podman tag a b` exited 125');
    expect(error.hint).toBe('Check the image exists.');
    expect(error.stepId).toBe('image:build:a');
    expect(error.exitCode).toBe(ExitCode.infrastructure);
    expect(error.details).toEqual(result.tail.slice(-20));
  });

  it('uses the failure alone as message and honours exitCode and detailLines', () => {
    const error = commandFailed(result, {
      code: 'ENGINE_COMMAND_FAILED',
      exitCode: ExitCode.environment,
      detailLines: 2,
    });
    expect(error.message).toBe('`podman tag a b` exited 125');
    expect(error.exitCode).toBe(3);
    expect(error.details).toEqual(['line 29', 'line 30']);
  });
});
