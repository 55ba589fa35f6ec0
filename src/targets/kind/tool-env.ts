// The environment kind and kubectl run with: kind must drive the same engine (and connection) tarmac builds with.
import type { ContainerEngine } from '../../engines/types.js';

/**
 * Environment for every kind/kubectl call: the engine's tool environment (its variables, its connection flags as
 * variables since kind runs plain `podman ...`, its folder on PATH), KIND_EXPERIMENTAL_PROVIDER naming the engine,
 * and KUBECONFIG.
 */
export function toolEnv(
  engine: ContainerEngine,
  kubeconfig: string,
  basePath: string | undefined = process.env.PATH,
): Record<string, string> {
  return { ...engine.toolEnv(basePath), KIND_EXPERIMENTAL_PROVIDER: engine.name, KUBECONFIG: kubeconfig };
}
