import { podmanLogArgs, logsFailure } from "../log-args.js";
import { envContainers, envPods } from "./inspect.js";
import { LABEL_WORKLOAD } from "./names.js";
import { containerName } from "./pod-view.js";
async function podmanLogSources(cli, id, signal) {
  const [pods, containers] = await Promise.all([envPods(cli, id, signal), envContainers(cli, id, signal)]);
  return containers.flatMap((c) => {
    const pod = pods.find((p) => p.id === c.podId);
    if (!pod) return [];
    const workload = pod.labels[LABEL_WORKLOAD] ?? pod.name;
    return [{ workload, pod: pod.name, container: containerName(c, pod.name), containerId: c.id }];
  });
}
async function readPodmanLogs(cli, source, request) {
  const result = await cli.run(podmanLogArgs(source.containerId ?? `${source.pod}-${source.container}`, request), {
    signal: request.signal,
    onLine: request.onLine,
    // Following ends with the signal, not a timer.
    timeoutMs: request.follow ? void 0 : 12e4,
    killGraceMs: 1e3
  });
  const failure = logsFailure(source, result);
  if (failure) throw failure;
}
export {
  podmanLogSources,
  readPodmanLogs
};
//# sourceMappingURL=logs.js.map
