// A CommandRunner for unit tests: answers from a function (typically recorded real outputs) and
// remembers every call. It replays the answer's output through onLine, as the real one would.
import { formatCommand } from './format-command.js';
import type { CommandOptions, CommandResult, CommandRunner } from './types.js';

export interface FakeCall {
  cmd: string;
  args: string[];
  options: CommandOptions;
}

/** The answer to a call: any CommandResult fields; the rest get sensible defaults. */
export type FakeAnswer = Partial<CommandResult>;

export type FakeRunner = CommandRunner & { readonly calls: FakeCall[] };

/** A complete CommandResult from some fields; `ok` follows exitCode/timedOut/cancelled unless given. */
export function fakeResult(fields: FakeAnswer & { command?: string }): CommandResult {
  const exitCode = 'exitCode' in fields ? fields.exitCode : 0;
  const timedOut = fields.timedOut ?? false;
  const cancelled = fields.cancelled ?? false;
  const stdout = fields.stdout ?? '';
  const stderr = fields.stderr ?? '';
  return {
    command: fields.command ?? 'fake',
    exitCode,
    signal: fields.signal,
    timedOut,
    cancelled,
    forceKilled: fields.forceKilled ?? false,
    durationMs: fields.durationMs ?? 1,
    stdout,
    stderr,
    tail: fields.tail ?? [...lines(stdout), ...lines(stderr)],
    ...(fields.spawnError === undefined ? {} : { spawnError: fields.spawnError }),
    ...(fields.timeoutMs === undefined ? {} : { timeoutMs: fields.timeoutMs }),
    ok: fields.ok ?? (exitCode === 0 && !timedOut && !cancelled && fields.spawnError === undefined),
  };
}

/** A CommandRunner answering every call with `answer(call)`. */
export function fakeRunner(answer: (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>): FakeRunner {
  const calls: FakeCall[] = [];
  const runner = async (cmd: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> => {
    const call = { cmd, args: [...args], options };
    calls.push(call);
    const result = fakeResult({ command: formatCommand(cmd, args), ...(await answer(call)) });
    for (const line of lines(result.stdout)) options.onLine?.(line, 'stdout');
    for (const line of lines(result.stderr)) options.onLine?.(line, 'stderr');
    return { ...result, tail: result.tail.slice(-(options.tailLines ?? 50)) };
  };
  return Object.assign(runner, { calls });
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
