// `tarmac logs` on the podman target: the env's labelled containers (infra containers excluded), read with
// `podman logs`; the workload is the one the pod's labels name.
import type { EnvIdentity } from '../../config/project-identity.js';
import { podmanLogArgs, logsFailure } from '../log-args.js';
import type { LogRequest, LogSource } from '../types.js';
import { envContainers, envPods } from './inspect.js';
import { LABEL_WORKLOAD } from './names.js';
import type { PodmanCli } from './podman-cli.js';
import { containerName } from './pod-view.js';

/** The env's containers as log sources (the container id rides along for `podman logs`). */
export async function podmanLogSources(
  cli: PodmanCli,
  id: EnvIdentity,
  signal?: AbortSignal,
): Promise<(LogSource & { containerId: string })[]> {
  const [pods, containers] = await Promise.all([envPods(cli, id, signal), envContainers(cli, id, signal)]);
  return containers.flatMap((c) => {
    const pod = pods.find((p) => p.id === c.podId);
    if (!pod) return [];
    const workload = pod.labels[LABEL_WORKLOAD] ?? pod.name;
    return [{ workload, pod: pod.name, container: containerName(c, pod.name), containerId: c.id }];
  });
}

/** Streams one container's log through `podman logs` until it ends (or the request's signal aborts). */
export async function readPodmanLogs(
  cli: PodmanCli,
  source: LogSource & { containerId?: string },
  request: LogRequest,
): Promise<void> {
  const result = await cli.run(podmanLogArgs(source.containerId ?? `${source.pod}-${source.container}`, request), {
    signal: request.signal,
    onLine: request.onLine,
    // Following ends with the signal, not a timer.
    timeoutMs: request.follow ? undefined : 120_000,
    killGraceMs: 1000,
  });
  const failure = logsFailure(source, result);
  if (failure) throw failure;
}
