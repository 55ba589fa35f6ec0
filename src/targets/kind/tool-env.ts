// The environment kind and kubectl run with: kind must drive the same engine (and connection) tarmac builds with.
import { dirname, delimiter, isAbsolute } from 'node:path';
import type { ContainerEngine } from '../../engines/types.js';

/** Global engine flags that have an environment-variable twin kind's own engine calls honour. */
const FLAG_ENV: Record<string, Record<string, string>> = {
  podman: { '--url': 'CONTAINER_HOST', '--connection': 'CONTAINER_CONNECTION' },
  docker: { '-H': 'DOCKER_HOST', '--host': 'DOCKER_HOST', '--context': 'DOCKER_CONTEXT' },
};

/**
 * Environment for every kind/kubectl call: the engine's own environment, KIND_EXPERIMENTAL_PROVIDER naming the
 * engine, the connection flags of `engine.argvPrefix` as variables (kind runs plain `podman ...`, so a `--url`
 * would otherwise be lost), the engine binary's directory first on PATH when it is absolute, and KUBECONFIG.
 */
export function toolEnv(
  engine: ContainerEngine,
  kubeconfig: string,
  basePath: string | undefined = process.env.PATH,
): Record<string, string> {
  const env: Record<string, string> = { ...engine.env };
  const [bin, ...flags] = engine.argvPrefix;
  const twins = FLAG_ENV[engine.name] ?? {};
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    const eq = flag.indexOf('=');
    const name = eq === -1 ? flag : flag.slice(0, eq);
    const variable = twins[name];
    if (variable === undefined) continue;
    const value = eq === -1 ? flags[++i] : flag.slice(eq + 1);
    if (value !== undefined) env[variable] = value;
  }
  // Why: kind finds the engine on PATH; an engine configured by absolute path must be the one kind finds.
  if (bin !== undefined && isAbsolute(bin))
    env.PATH = [dirname(bin), env.PATH ?? basePath ?? ''].filter(Boolean).join(delimiter);
  env.KIND_EXPERIMENTAL_PROVIDER = engine.name;
  env.KUBECONFIG = kubeconfig;
  return env;
}
