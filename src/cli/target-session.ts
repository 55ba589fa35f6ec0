// Config, engine and target for the commands that act on a live env without running a plan (down, status).
import { detectEngine } from '../engines/detect.js';
import { runCommand } from '../exec/run-command.js';
import { newRunId } from '../orchestrate/run-id.js';
import { selectTarget } from '../targets/select.js';
import type { Env } from '../config/types.js';
import type { ClusterTarget } from '../targets/types.js';
import type { CliIo } from './io.js';
import { loadCommandConfig } from './load-config.js';

/** Loads the env and builds its target. */
export async function openTarget(
  opts: { file?: string },
  io: CliIo,
): Promise<{ env: Env; target: ClusterTarget; why: string }> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const { engine } = await detectEngine(env.engine, { runner: runCommand, env: io.env });
  const { target, why } = selectTarget(env, { runner: runCommand, engine, processEnv: io.env, runId: newRunId() });
  return { env, target, why };
}
