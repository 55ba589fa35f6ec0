// The engine triage and doctor look at: the one detection picks, or when none answers, the one tarmac would
// have used (so its error is the evidence instead of a refusal to look).
import type { Env } from '../config/types.js';
import { detectEngine } from '../engines/detect.js';
import { findOnPath } from '../engines/find-on-path.js';
import { autoStrategies, configuredStrategy } from '../engines/strategies.js';
import type { ContainerEngine } from '../engines/types.js';
import type { CommandRunner } from '../exec/types.js';

/** Short: doctor must answer in seconds even when the engine hangs. */
const DETECT_PROBE_MS = 2_000;

/** The engine for `config`; undefined only when no engine binary is on PATH. */
export async function engineForTriage(
  config: Env['engine'],
  runner: CommandRunner,
  processEnv: NodeJS.ProcessEnv,
): Promise<ContainerEngine | undefined> {
  try {
    return (await detectEngine(config, { runner, env: processEnv, healthTimeoutMs: DETECT_PROBE_MS })).engine;
  } catch {
    const strategies =
      config.type === 'auto'
        ? autoStrategies(config, runner, processEnv)
        : [configuredStrategy({ ...config, type: config.type }, runner)];
    return strategies.find((s) => s.applies(processEnv) && findOnPath(s.bin, processEnv) !== undefined)?.create();
  }
}
