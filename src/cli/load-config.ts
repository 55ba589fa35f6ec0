// The one way a command gets its config: `-f FILE` (relative to the working directory), else tarmac.yaml or
// tarmac.yml there; read, parsed and validated by config/load.ts. Every problem is thrown at once as a ConfigError
// (or CONFIG_NOT_FOUND), which main() renders as file:line:col lines and exit 2; warnings are returned.
import { resolve } from 'node:path';
import { configFileIn, findConfigFile } from '../config/find-config.js';
import { loadEnvWithWarnings, type LoadedEnv } from '../config/load.js';

/** What a command says about its config: the `-f` option, if given. */
export interface ConfigChoice {
  file?: string;
}

/**
 * Finds, loads and validates the command's config. With `ifPresent` (doctor works without a config) a missing
 * tarmac.yaml gives undefined, but a `-f` that names a missing or broken file still fails.
 */
export async function loadCommandConfig(choice: ConfigChoice, cwd: string): Promise<LoadedEnv>;
export async function loadCommandConfig(
  choice: ConfigChoice,
  cwd: string,
  ifPresent: 'if-present',
): Promise<LoadedEnv | undefined>;
export async function loadCommandConfig(
  choice: ConfigChoice,
  cwd: string,
  ifPresent?: 'if-present',
): Promise<LoadedEnv | undefined> {
  const file = choice.file ? resolve(cwd, choice.file) : ifPresent ? configFileIn(cwd) : findConfigFile(cwd);
  return file === undefined ? undefined : loadEnvWithWarnings(file, { cwd });
}
