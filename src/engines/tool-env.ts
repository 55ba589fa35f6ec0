// The environment another tool (kind) needs to drive the same engine service: it runs the plain binary, so the
// connection flags become the variables that engine CLI honours.
import { delimiter, dirname, isAbsolute } from 'node:path';
import type { EngineName } from './types.js';

/** Global engine flags that have an environment-variable twin the engine's own CLI honours. */
const FLAG_ENV: Record<EngineName, Record<string, string>> = {
  podman: { '--url': 'CONTAINER_HOST', '--connection': 'CONTAINER_CONNECTION' },
  docker: { '-H': 'DOCKER_HOST', '--host': 'DOCKER_HOST', '--context': 'DOCKER_CONTEXT' },
};

/** `env` plus the twins of the connection `flags`, and an absolute `bin`'s folder first on PATH. */
export function engineToolEnv(
  name: EngineName,
  bin: string,
  flags: readonly string[],
  env: Record<string, string>,
  basePath: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...env };
  const twins = FLAG_ENV[name];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    const eq = flag.indexOf('=');
    const variable = twins[eq === -1 ? flag : flag.slice(0, eq)];
    if (variable === undefined) continue;
    const value = eq === -1 ? flags[++i] : flag.slice(eq + 1);
    if (value !== undefined) out[variable] = value;
  }
  // Why: the tool finds the engine on PATH; an engine configured by absolute path must be the one it finds.
  if (isAbsolute(bin)) out.PATH = [dirname(bin), out.PATH ?? basePath ?? ''].filter(Boolean).join(delimiter);
  return out;
}
