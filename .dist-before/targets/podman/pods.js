import { stopCrashLoop, stoppedEvent } from "./crash-stop.js";
import { lastExitCode, logTail } from "./crash-evidence.js";
import { envContainers, envPods } from "./inspect.js";
import { LABEL_GROUP } from "./names.js";
import { containerName, isCrashLooping, toPodView } from "./pod-view.js";
async function groupPodViews(deps, group, units, signal) {
  const planned = new Map(units.map((u) => [u.podName, u]));
  const pods = (await envPods(deps.cli, deps.id, signal)).filter(
    (p) => p.labels[LABEL_GROUP] === group || planned.has(p.name)
  );
  if (pods.length === 0) return [];
  const [containers, state] = await Promise.all([envContainers(deps.cli, deps.id, signal), deps.store.read()]);
  return Promise.all(
    pods.map(async (pod) => {
      const own = containers.filter((c) => c.podId === pod.id).sort((a, b) => a.name.localeCompare(b.name));
      const extras = /* @__PURE__ */ new Map();
      const events = [];
      await Promise.all(
        own.map(async (c) => {
          const name = containerName(c, pod.name);
          const stopped = state.stopped?.[c.id];
          const found = stopped && c.status !== "running" ? fromStopped(stopped) : await containerExtras(deps, c, planned.get(pod.name)?.probes[name], pod.created, signal);
          if (found.stopped) events.push(stoppedEvent(name, found.stopped));
          extras.set(c.id, found.extras);
        })
      );
      const view = toPodView(pod, own, extras, deps.now());
      return events.length > 0 ? { ...view, events: [...view.events ?? [], ...events] } : view;
    })
  );
}
function fromStopped(stopped) {
  return {
    extras: { ...stopped.exitCode === void 0 ? {} : { lastExitCode: stopped.exitCode }, logTail: stopped.logTail },
    stopped
  };
}
async function containerExtras(deps, c, probeSpec, since, signal) {
  const probe = await deps.prober.check(c, probeSpec, signal);
  const crashed = c.restartCount > 0 || (c.status === "exited" || c.status === "stopped") && c.exitCode !== 0;
  if (!crashed) return { extras: probe ? { probe } : {} };
  const [exit, tail] = await Promise.all([lastExitCode(deps.cli, c, since, signal), logTail(deps.cli, c.id, signal)]);
  const extras = {
    ...probe ? { probe } : {},
    ...exit === void 0 ? {} : { lastExitCode: exit },
    logTail: tail
  };
  if (!isCrashLooping(c, deps.now())) return { extras };
  const stopped = await stopCrashLoop(
    deps.cli,
    deps.store,
    c,
    { ...exit === void 0 ? {} : { exitCode: exit }, logTail: tail },
    signal
  );
  return { extras, stopped };
}
export {
  groupPodViews
};
//# sourceMappingURL=pods.js.map
