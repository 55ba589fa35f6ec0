// The CLI's side of the read ahead (issue 16): bin/tarmac.js starts the env's listing before the CLI loads
// (exec/read-ahead/start.ts); here its answer is taken only when the env's lock shows no run held the env since it
// started, and `tarmac test` keeps the listing it asks for the next time.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import { runCommand } from '../exec/run-command.js';
import type { CommandRunner } from '../exec/types.js';
import { answeringRunner } from '../exec/read-ahead/answering.js';
import { forgetRecipe, writeRecipe } from '../exec/read-ahead/recipe.js';
import type { StartedReadAhead } from '../exec/read-ahead/start.js';
import type { EnvLock } from '../lease/env-lock.js';
import type { ClusterTarget } from '../targets/types.js';

/**
 * The runner for the session's engine: it answers the read ahead's call from it when `readAhead` read this env's
 * config and `lock` (held) shows no other run held the env since it started; else the read ahead is stopped.
 */
export function readAheadRunner(
  readAhead: StartedReadAhead | undefined,
  env: Env,
  lock: EnvLock | undefined,
  say: (message: string) => void,
): CommandRunner {
  if (readAhead === undefined) return runCommand;
  const usable = readAhead.recipe.configFile === env.file && lock?.untouchedSince(readAhead.startedAt) === true;
  if (!usable) {
    readAhead.stop();
    return runCommand;
  }
  return answeringRunner(runCommand, readAhead, (result) =>
    say(`read ahead: \`${result.command}\` started before the CLI loaded, and no run held the env since`),
  );
}

/**
 * Keeps the first read of `target`'s health as the env's read ahead (best effort: only a saving); a target without
 * one (kind) forgets an earlier one, so a project moved to it does not start a useless `ps` on every test.
 */
export function keepReadAhead(env: Env, engine: Pick<ContainerEngine, 'invocation'>, target: ClusterTarget): void {
  const query = target.healthQuery?.();
  try {
    if (query === undefined) forgetRecipe(env.stateDir);
    else writeRecipe(env.stateDir, { configFile: env.file, ...engine.invocation(query) });
  } catch {
    // The next `tarmac test` reads the env as before.
  }
}
