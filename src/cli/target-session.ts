// Config, engine and target for the commands that act on a live env without running a plan (down, status).
import { detectEngine } from '../engines/detect.js';
import { envDetectionMemory } from '../engines/detect-memory.js';
import { runCommand } from '../exec/run-command.js';
import { newRunId } from '../orchestrate/run-id.js';
import { selectTarget } from '../targets/select.js';
import type { Env } from '../config/types.js';
import { suiteClusterEnvs } from '../config/suite-env.js';
import type { ClusterTarget } from '../targets/types.js';
import type { CliIo } from './io.js';
import { loadCommandConfig } from './load-config.js';
import type { Session } from './session.js';

/** Loads the env and builds its target; `lifetime` (aborted when the command ends) bounds kind's port-forwards. */
export async function openTarget(
  opts: { file?: string },
  io: CliIo,
  lifetime?: AbortSignal,
): Promise<{ env: Env; target: ClusterTarget; why: string; suites: SuiteTarget[] }> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  return { env, ...(await envTarget(env, io, lifetime)) };
}

/** The target of a loaded env: detects the engine, then builds the target. */
export async function envTarget(
  env: Env,
  io: CliIo,
  lifetime?: AbortSignal,
): Promise<{ target: ClusterTarget; why: string; suites: SuiteTarget[] }> {
  const memory = envDetectionMemory(env.stateDir, io.env);
  const { engine } = await detectEngine(env.engine, { runner: runCommand, env: io.env, ...(memory ? { memory } : {}) });
  const deps = { runner: runCommand, engine, processEnv: io.env, runId: newRunId(), ...(lifetime ? { lifetime } : {}) };
  const { target, why } = selectTarget(env, deps);
  const suites = [...suiteClusterEnvs(env, env.suites ?? [])].map(([key, e]) => ({
    key,
    env: e,
    target: selectTarget(e, deps).target,
  }));
  return { target, why, suites };
}

/** One cluster of a suite (`<suite>/<cluster>`), its Env and its target, for down and status. */
export interface SuiteTarget {
  key: string;
  env: Env;
  target: ClusterTarget;
}

/** The target of a run command's session: its forwards live as long as the session and report to its journal. */
export function sessionTarget(
  session: Session,
  io: CliIo,
  env: Env = session.env,
): { target: ClusterTarget; why: string } {
  return selectTarget(env, {
    runner: runCommand,
    engine: session.engine,
    processEnv: io.env,
    runId: session.bus.runId,
    lifetime: session.lifetime,
    notify: (message) => session.bus.emit({ type: 'decision', message }),
  });
}
