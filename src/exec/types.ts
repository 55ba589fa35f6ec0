// The process boundary: every command tarmac runs goes through a CommandRunner.

export interface CommandOptions {
  /** Aborting kills the process (SIGTERM, then SIGKILL after the grace period). */
  signal?: AbortSignal;
  /** Kill the process after this many ms; the result says timedOut. */
  timeoutMs?: number;
  /** Extra environment, merged over process.env; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called for every output line (stdout and stderr), as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How many last output lines the result keeps in `tail` (default 50). */
  tailLines?: number;
  /** Text written to the process's stdin. */
  input?: string;
  /** Grace period between SIGTERM and SIGKILL in ms (default 5000). */
  killGraceMs?: number;
  /**
   * On timeout or cancel, first stop only the command's descendants and give the command itself the grace
   * period to exit on its own. Why: `podman build` cleans up its working containers when its RUN step dies,
   * but leaves them behind when it is signalled itself.
   */
  stopDescendantsFirst?: boolean;
}

/** What happened to a process. Never thrown: callers decide what a failure means. */
export interface CommandResult {
  /** The command line for messages, e.g. `podman build -t x .` */
  command: string;
  exitCode: number | undefined;
  /** Name of the signal that ended the process, e.g. SIGKILL. */
  signal: string | undefined;
  timedOut: boolean;
  /** The `timeoutMs` the run was given, so messages can say "timed out after 30s". */
  timeoutMs?: number;
  cancelled: boolean;
  /** The process ignored SIGTERM and had to be SIGKILLed. */
  forceKilled: boolean;
  durationMs: number;
  /** Whole stdout (trimmed of the final newline). */
  stdout: string;
  /** Whole stderr (trimmed of the final newline). */
  stderr: string;
  /** Last `tailLines` lines of stdout and stderr interleaved in arrival order. */
  tail: string[];
  /** The binary could not be started (ENOENT, EACCES): `exitCode` is undefined. */
  spawnError?: string;
  /** exitCode 0, not timed out, not cancelled. */
  ok: boolean;
}

/** Runs one command as an argv array (never through a shell). */
export type CommandRunner = (cmd: string, args: readonly string[], options?: CommandOptions) => Promise<CommandResult>;
