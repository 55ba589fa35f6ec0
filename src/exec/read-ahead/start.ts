// Starts the read-ahead (issue 16): bin/tarmac.js calls this for `tarmac test` before it loads the CLI, so the env's
// container listing runs while node compiles the bundle, reads the config and takes the env's lock. Whether its
// answer is used is decided later, once the lock is held (cli/session.ts); answering.ts hands it out.
// Why this module imports so little: it runs before the bundle is loaded, and every import is start-up time.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { configFileIn } from '../../config/find-config.js';
import type { CommandResult } from '../types.js';
import { formatCommand } from '../format-command.js';
import { readRecipe, type ReadAheadRecipe } from './recipe.js';

/** A read started before the CLI loaded. */
export interface StartedReadAhead {
  recipe: ReadAheadRecipe;
  /** When it was started (ms since the epoch): the env's lock tells whether any run changed the env since. */
  startedAt: number;
  /** Its result, as the runner would have given it; never rejects. */
  result: Promise<CommandResult>;
  /** Ends it if it still runs (its answer will not be used). */
  stop(): void;
}

// Options after which the next word is the config file, and the options that make a read ahead pointless.
const FILE_OPTIONS = new Set(['-f', '--file']);
const NOT_FOR = new Set(['--suite', '-h', '--help']);

/**
 * The config file `tarmac <argv>` reads: `-f`/`--file`'s, else tarmac.yaml or tarmac.yml in `cwd`; undefined when
 * there is none or the options make the read ahead pointless.
 */
export function configFileOf(argv: readonly string[], cwd: string): string | undefined {
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (NOT_FOR.has(arg) || arg.startsWith('--suite=')) return undefined;
    if (FILE_OPTIONS.has(arg)) file = argv[i + 1];
    else if (arg.startsWith('--file=')) file = arg.slice('--file='.length);
  }
  if (file !== undefined) return file === '' ? undefined : resolve(cwd, file);
  return configFileIn(cwd);
}

/** Starts the recipe kept for the config `argv` names, if there is one; `argv` is what follows the command word. */
export function startReadAhead(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): StartedReadAhead | undefined {
  const configFile = configFileOf(argv, cwd);
  if (configFile === undefined) return undefined;
  const recipe = readRecipe(join(dirname(configFile), '.tarmac'));
  if (recipe === undefined || recipe.configFile !== configFile) return undefined;
  return spawnRecipe(recipe, env);
}

/** Runs `recipe` (no shell, no stdin) and collects its output. */
export function spawnRecipe(recipe: ReadAheadRecipe, env: NodeJS.ProcessEnv): StartedReadAhead {
  const startedAt = Date.now();
  const began = performance.now();
  const command = formatCommand(recipe.cmd, recipe.args);
  const child = spawn(recipe.cmd, recipe.args, { env: { ...env, ...recipe.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  let stopped = false;
  const result = new Promise<CommandResult>((done) => {
    const finish = (exitCode: number | undefined, signal: string | undefined, spawnError?: string): void => {
      const stdout = Buffer.concat(out)
        .toString('utf8')
        .replace(/\r?\n$/, '');
      const stderr = Buffer.concat(err)
        .toString('utf8')
        .replace(/\r?\n$/, '');
      done({
        command,
        exitCode,
        signal,
        timedOut: false,
        cancelled: stopped,
        forceKilled: false,
        durationMs: Math.round(performance.now() - began),
        stdout,
        stderr,
        tail: [...stdout.split('\n'), ...stderr.split('\n')].filter((l) => l !== '').slice(-50),
        ...(spawnError === undefined ? {} : { spawnError }),
        ok: exitCode === 0 && !stopped,
      });
    };
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(undefined, undefined, error.code === 'ENOENT' ? `${recipe.cmd} not found` : error.message),
    );
    child.on('close', (code, signal) => finish(code ?? undefined, signal ?? undefined));
  });
  return {
    recipe,
    startedAt,
    result,
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}
