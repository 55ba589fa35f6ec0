// Test support for the engine adapters: a fake CommandRunner answering by verb (e.g. `image inspect`).
import { expect } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { fakeRunner, type FakeAnswer, type FakeRunner } from '../exec/fake-runner.test-kit.js';

/**
 * A fake CommandRunner that skips `globalArgs` leading arguments (the engine's --url etc.) and answers
 * with `answers['<verb> <sub>']` or `answers['<verb>']`; any other call fails the test.
 */
export function answerByVerb(
  answers: Record<string, FakeAnswer | (() => FakeAnswer | Promise<FakeAnswer>)>,
  globalArgs = 0,
): FakeRunner {
  return fakeRunner((call) => {
    const words = call.args.slice(globalArgs).filter((a) => !a.startsWith('-'));
    const answer = answers[words.slice(0, 2).join(' ')] ?? answers[words[0] ?? ''];
    if (!answer) throw new Error(`unexpected call: ${call.cmd} ${call.args.join(' ')}`);
    return typeof answer === 'function' ? answer() : answer;
  });
}

/** The TarmacError a promise rejects with (fails the test when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<TarmacError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TarmacError);
  return error as TarmacError;
}
