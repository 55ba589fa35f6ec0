import { describe, expect, it } from 'vitest';
import { CancelledError, TarmacError } from '../errors/errors.js';
import { interruptionOf, rootSignal } from './signals.js';

describe('interruptionOf', () => {
  it('finds a CancelledError itself or as a cause', () => {
    const cancelled = new CancelledError('interrupted by SIGINT');
    expect(interruptionOf(cancelled)).toBe(cancelled);
    expect(interruptionOf(new TarmacError('ENGINE_COMMAND_FAILED', 'wrapped', { cause: cancelled }))).toBe(cancelled);
  });

  it('turns a command failed because it was cancelled into an interruption', () => {
    const failed = new TarmacError('ENGINE_COMMAND_FAILED', 'Could not check whether image x exists', {
      cause: { command: 'podman image exists x', cancelled: true },
    });
    const found = interruptionOf(failed);
    expect(found).toBeInstanceOf(CancelledError);
    expect(found?.exitCode).toBe(130);
    expect(found?.message).toBe('interrupted (Could not check whether image x exists)');
  });

  it('leaves real failures alone', () => {
    expect(
      interruptionOf(new TarmacError('ENGINE_COMMAND_FAILED', 'boom', { cause: { cancelled: false } })),
    ).toBeUndefined();
    expect(interruptionOf(new Error('boom'))).toBeUndefined();
    expect(interruptionOf(undefined)).toBeUndefined();
  });
});

describe('rootSignal', () => {
  it('aborts on the first SIGTERM with a CancelledError and stops listening once disposed', () => {
    const seen: string[] = [];
    const hupBefore = process.listenerCount('SIGHUP');
    const root = rootSignal({ onFirst: (name) => seen.push(name) });
    const before = process.listenerCount('SIGTERM');
    process.emit('SIGTERM', 'SIGTERM');
    expect(root.signal.aborted).toBe(true);
    expect(root.signal.reason).toBeInstanceOf(CancelledError);
    expect(seen).toEqual(['SIGTERM']);
    root.dispose();
    expect(process.listenerCount('SIGTERM')).toBe(before - 1);
    expect(process.listenerCount('SIGHUP')).toBe(hupBefore);
  });
});
