import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { clockTime, crashCause, engineLostError, isEngineFailure } from './recovery-errors.js';

describe('crashCause', () => {
  it('takes the engine\'s own error line, without its "Error: " prefix', () => {
    const error = new TarmacError(
      'ENGINE_UNREACHABLE',
      'the engine failed while building api: Error: server probably quit: unexpected EOF',
    );
    expect(crashCause(error)).toBe('server probably quit: unexpected EOF');
  });

  it('finds the line in the details when the message has none', () => {
    const error = new TarmacError('ENGINE_UNREACHABLE', 'Could not check whether image x exists', {
      details: [
        'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`',
      ],
    });
    expect(crashCause(error)).toMatch(/^Cannot connect to Podman\./);
  });

  it('falls back to the message', () => {
    expect(
      crashCause(
        new TarmacError(
          'ENGINE_UNREACHABLE',
          'build:x printed nothing for 2m00s and the engine probe failed: no answer within 5.0s',
        ),
      ),
    ).toBe('build:x printed nothing for 2m00s and the engine probe failed: no answer within 5.0s');
  });
});

describe('isEngineFailure', () => {
  it('is true for ENGINE_UNREACHABLE, and for node commands that lost the engine', () => {
    expect(isEngineFailure(new TarmacError('ENGINE_UNREACHABLE', 'x'))).toBe(true);
    expect(isEngineFailure(new TarmacError('BUILD_FAILED', 'server probably quit'))).toBe(false);
    const lost =
      'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": dial unix /run/podman/podman.sock: connect: connection refused';
    expect(
      isEngineFailure(
        new TarmacError('NODE_UNAVAILABLE', 'could not list the images on kind node n', { details: [lost] }),
      ),
    ).toBe(true);
    // A refused cluster API is the cluster's problem, not the engine's.
    expect(
      isEngineFailure(new TarmacError('NODE_UNAVAILABLE', 'The connection to the server 127.0.0.1:6443 was refused')),
    ).toBe(false);
  });
});

describe('engineLostError', () => {
  it('names the crash time, the cause and the wait, with exit code 4', () => {
    const at = new Date(2025, 4, 6, 7, 8, 9).getTime();
    expect(clockTime(at)).toBe('07:08:09');
    const error = engineLostError('build:a', {
      crashAt: at,
      cause: 'server probably quit: unexpected EOF',
      waitedMs: 120_000,
      evidence: ['e'],
    });
    expect(error).toMatchObject({
      code: 'ENGINE_LOST',
      exitCode: 4,
      stepId: 'build:a',
      details: ['e'],
      message:
        'the engine crashed at 07:08:09 (server probably quit: unexpected EOF) and did not come back within 2m00s',
    });
  });
});
