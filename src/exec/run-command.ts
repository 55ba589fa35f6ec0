// The process boundary: starts one command (argv, never a shell) and returns what happened.
import { existsSync } from 'node:fs';
import { execa, type Result } from 'execa';
import type { CommandOptions, CommandResult, CommandRunner } from './types.js';
import { formatCommand } from './format-command.js';
import { LineSplitter } from './line-splitter.js';
import { GroupReaper, processGroupsSupported, signalGroup } from './process-group.js';
import { TailBuffer } from './tail-buffer.js';
import { Terminator, type TerminationTarget } from './terminate.js';
import { descendantsOf, signalEach } from './descendants.js';

const DEFAULT_TAIL_LINES = 50;
const DEFAULT_KILL_GRACE_MS = 5000;

/** Creates a CommandRunner; each CommandRunner kills the process groups it still has when tarmac exits. */
export function createCommandRunner(): CommandRunner {
  const reaper = new GroupReaper();
  return (cmd, args, options = {}) => spawnWithReaper(reaper, cmd, args, options);
}

/** The default CommandRunner (execa underneath): never throws for anything the command does. */
export const runCommand: CommandRunner = createCommandRunner();

async function spawnWithReaper(
  reaper: GroupReaper,
  cmd: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  validate(options);
  const command = formatCommand(cmd, args);
  const startedAt = performance.now();
  if (options.signal?.aborted) return cancelledBeforeStart(command, options);

  const tail = new TailBuffer(options.tailLines ?? DEFAULT_TAIL_LINES);
  let callbackError: unknown;
  const emit = (line: string, stream: 'stdout' | 'stderr'): void => {
    tail.push(line);
    if (callbackError !== undefined || !options.onLine) return;
    try {
      options.onLine(line, stream);
    } catch (error) {
      callbackError = error; // a bug in the caller: reported once the command has ended
    }
  };
  const splitters = {
    stdout: new LineSplitter((l) => emit(l, 'stdout')),
    stderr: new LineSplitter((l) => emit(l, 'stderr')),
  };

  const subprocess = execa(cmd, args, {
    reject: false,
    // Own process group, so termination reaches grandchildren; see process-group.ts.
    detached: processGroupsSupported,
    cleanup: true, // only effective without a process group (Windows)
    forceKillAfterDelay: false, // Terminator escalates, for the whole group
    env: options.env,
    extendEnv: true,
    cwd: options.cwd,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    stripFinalNewline: true,
    windowsHide: true,
  });
  subprocess.stdout?.on('data', (chunk: Buffer) => splitters.stdout.push(chunk));
  subprocess.stderr?.on('data', (chunk: Buffer) => splitters.stderr.push(chunk));

  const pid = subprocess.pid;
  const grouped = processGroupsSupported && pid !== undefined;
  if (grouped) reaper.add(pid);
  const target: TerminationTarget = {
    kill: (signal) => (grouped ? signalGroup(pid, signal) : subprocess.kill(signal)),
    leftoversAlive: () => grouped && signalGroup(pid, 0),
    done: () => (grouped ? reaper.delete(pid) : undefined),
    ...(options.stopDescendantsFirst && pid !== undefined
      ? {
          killDescendants: (signal: NodeJS.Signals) => {
            const pids = descendantsOf(pid);
            signalEach(pids, signal);
            return pids.length > 0;
          },
        }
      : {}),
  };
  const terminator = new Terminator(target, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    graceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
  });

  const result = await subprocess;
  terminator.childExited();
  splitters.stdout.end();
  splitters.stderr.end();
  if (callbackError !== undefined) throw callbackError;
  return toRunResult(result, {
    cmd,
    command,
    options,
    tail: tail.toArray(),
    durationMs: Math.round(performance.now() - startedAt),
    timedOut: terminator.reason === 'timeout',
    cancelled: terminator.reason === 'cancel',
    forceKilled: terminator.forceKilled,
  });
}

interface Outcome {
  cmd: string;
  command: string;
  options: CommandOptions;
  tail: string[];
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  forceKilled: boolean;
}

function toRunResult(result: Result, o: Outcome): CommandResult {
  const spawnError =
    result.exitCode === undefined && result.signal === undefined && result.failed
      ? describeSpawnError(result, o)
      : undefined;
  return {
    command: o.command,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: o.timedOut,
    ...(o.options.timeoutMs === undefined ? {} : { timeoutMs: o.options.timeoutMs }),
    cancelled: o.cancelled,
    forceKilled: o.forceKilled,
    durationMs: o.durationMs,
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    stderr: typeof result.stderr === 'string' ? result.stderr : '',
    tail: o.tail,
    ...(spawnError === undefined ? {} : { spawnError }),
    ok: result.exitCode === 0 && !o.timedOut && !o.cancelled,
  };
}

/** "podman not found", "working directory /x does not exist", or execa's own message. */
function describeSpawnError(result: Result, o: Outcome): string {
  const cmd = o.cmd;
  const cwd = o.options.cwd;
  if (cwd !== undefined && !existsSync(cwd)) return `working directory ${cwd} does not exist`;
  if (result.code === 'ENOENT') return `${cmd} not found`;
  if (result.code === 'EACCES') return `${cmd} is not executable (permission denied)`;
  return result.originalMessage?.split('\n')[0] || result.shortMessage || `${cmd} could not be started`;
}

/** The signal was aborted before the command started: nothing is spawned. */
function cancelledBeforeStart(command: string, options: CommandOptions): CommandResult {
  return {
    command,
    exitCode: undefined,
    signal: undefined,
    timedOut: false,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    cancelled: true,
    forceKilled: false,
    durationMs: 0,
    stdout: '',
    stderr: '',
    tail: [],
    ok: false,
  };
}

/** Invalid options are bugs in tarmac, reported in execa's message shape. */
function validate(options: CommandOptions): void {
  for (const key of ['timeoutMs', 'killGraceMs', 'tailLines'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new TypeError(
        `Expected \`${key}\` to be a non-negative integer, got \`${String(value)}\` (${typeof value})`,
      );
    }
  }
}
