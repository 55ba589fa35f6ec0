// The exit code of a finished up/test run, from its steps' errors.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import type { ErrorCode } from '../errors/codes.js';
import { runExitCode } from './up-summary.js';

const failed = (...codes: ErrorCode[]) => ({
  outcome: 'failed' as const,
  states: new Map(),
  errors: new Map(codes.map((code, i) => [`step-${i}`, new TarmacError(code, code)])),
  durationMs: 0,
});

describe('runExitCode', () => {
  it('is 1 for failed tests only, 3 when the env is up from another checkout, 4 for other failures', () => {
    expect(runExitCode(failed('TESTS_FAILED'))).toBe(1);
    expect(runExitCode(failed('ENV_OTHER_CHECKOUT'))).toBe(3);
    expect(runExitCode(failed('ENV_OTHER_CHECKOUT', 'BUILD_FAILED'))).toBe(3);
    expect(runExitCode(failed('BUILD_FAILED', 'TESTS_FAILED'))).toBe(4);
    expect(runExitCode({ ...failed(), outcome: 'succeeded' })).toBe(0);
    expect(runExitCode({ ...failed('BUILD_FAILED'), outcome: 'cancelled' })).toBe(130);
  });
});
