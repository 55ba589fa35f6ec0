import { existsSync } from "node:fs";
import { execa } from "execa";
import { formatCommand } from "./format-command.js";
import { LineSplitter } from "./line-splitter.js";
import { GroupReaper, processGroupsSupported, signalGroup } from "./process-group.js";
import { TailBuffer } from "./tail-buffer.js";
import { Terminator } from "./terminate.js";
import { descendantsOf, signalEach } from "./descendants.js";
const DEFAULT_TAIL_LINES = 50;
const DEFAULT_KILL_GRACE_MS = 5e3;
function createCommandRunner() {
  const reaper = new GroupReaper();
  return (cmd, args, options = {}) => spawnWithReaper(reaper, cmd, args, options);
}
const runCommand = createCommandRunner();
async function spawnWithReaper(reaper, cmd, args, options) {
  validate(options);
  const command = formatCommand(cmd, args);
  const startedAt = performance.now();
  if (options.signal?.aborted) return cancelledBeforeStart(command, options);
  const tail = new TailBuffer(options.tailLines ?? DEFAULT_TAIL_LINES);
  let callbackError;
  const emit = (line, stream) => {
    tail.push(line);
    if (callbackError !== void 0 || !options.onLine) return;
    try {
      options.onLine(line, stream);
    } catch (error) {
      callbackError = error;
    }
  };
  const splitters = {
    stdout: new LineSplitter((l) => emit(l, "stdout")),
    stderr: new LineSplitter((l) => emit(l, "stderr"))
  };
  const subprocess = execa(cmd, args, {
    reject: false,
    // Own process group, so termination reaches grandchildren; see process-group.ts.
    detached: processGroupsSupported,
    cleanup: true,
    // only effective without a process group (Windows)
    forceKillAfterDelay: false,
    // Terminator escalates, for the whole group
    env: options.env,
    extendEnv: true,
    cwd: options.cwd,
    ...options.input === void 0 ? { stdin: "ignore" } : { input: options.input },
    stripFinalNewline: true,
    windowsHide: true
  });
  subprocess.stdout?.on("data", (chunk) => splitters.stdout.push(chunk));
  subprocess.stderr?.on("data", (chunk) => splitters.stderr.push(chunk));
  const pid = subprocess.pid;
  const grouped = processGroupsSupported && pid !== void 0;
  if (grouped) reaper.add(pid);
  const target = {
    kill: (signal) => grouped ? signalGroup(pid, signal) : subprocess.kill(signal),
    leftoversAlive: () => grouped && signalGroup(pid, 0),
    done: () => grouped ? reaper.delete(pid) : void 0,
    ...options.stopDescendantsFirst && pid !== void 0 ? {
      killDescendants: (signal) => {
        const pids = descendantsOf(pid);
        signalEach(pids, signal);
        return pids.length > 0;
      }
    } : {}
  };
  const terminator = new Terminator(target, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    graceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS
  });
  const result = await subprocess;
  terminator.childExited();
  splitters.stdout.end();
  splitters.stderr.end();
  if (callbackError !== void 0) throw callbackError;
  return toRunResult(result, {
    cmd,
    command,
    options,
    tail: tail.toArray(),
    durationMs: Math.round(performance.now() - startedAt),
    timedOut: terminator.reason === "timeout",
    cancelled: terminator.reason === "cancel",
    forceKilled: terminator.forceKilled
  });
}
function toRunResult(result, o) {
  const spawnError = result.exitCode === void 0 && result.signal === void 0 && result.failed ? describeSpawnError(result, o) : void 0;
  return {
    command: o.command,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: o.timedOut,
    ...o.options.timeoutMs === void 0 ? {} : { timeoutMs: o.options.timeoutMs },
    cancelled: o.cancelled,
    forceKilled: o.forceKilled,
    durationMs: o.durationMs,
    stdout: typeof result.stdout === "string" ? result.stdout : "",
    stderr: typeof result.stderr === "string" ? result.stderr : "",
    tail: o.tail,
    ...spawnError === void 0 ? {} : { spawnError },
    ok: result.exitCode === 0 && !o.timedOut && !o.cancelled
  };
}
function describeSpawnError(result, o) {
  const cmd = o.cmd;
  const cwd = o.options.cwd;
  if (cwd !== void 0 && !existsSync(cwd)) return `working directory ${cwd} does not exist`;
  if (result.code === "ENOENT") return `${cmd} not found`;
  if (result.code === "EACCES") return `${cmd} is not executable (permission denied)`;
  return result.originalMessage?.split("\n")[0] || result.shortMessage || `${cmd} could not be started`;
}
function cancelledBeforeStart(command, options) {
  return {
    command,
    exitCode: void 0,
    signal: void 0,
    timedOut: false,
    ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs },
    cancelled: true,
    forceKilled: false,
    durationMs: 0,
    stdout: "",
    stderr: "",
    tail: [],
    ok: false
  };
}
function validate(options) {
  for (const key of ["timeoutMs", "killGraceMs", "tailLines"]) {
    const value = options[key];
    if (value !== void 0 && !(Number.isInteger(value) && value >= 0)) {
      throw new TypeError(
        `Expected \`${key}\` to be a non-negative integer, got \`${String(value)}\` (${typeof value})`
      );
    }
  }
}
export {
  createCommandRunner,
  runCommand
};
//# sourceMappingURL=run-command.js.map
