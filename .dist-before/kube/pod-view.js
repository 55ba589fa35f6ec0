import { asArray, asNumber, asRecord, asString, dig } from "./json-access.js";
const PHASES = /* @__PURE__ */ new Set(["Pending", "Running", "Succeeded", "Failed", "Unknown"]);
const RESTART_POLICIES = /* @__PURE__ */ new Set(["Always", "OnFailure", "Never"]);
function podViewFromKubePod(pod, extras = {}) {
  const name = asString(dig(pod, "metadata", "name")) ?? "(unnamed pod)";
  const status = asRecord(dig(pod, "status")) ?? {};
  const phase = asString(status.phase);
  const policy = asString(dig(pod, "spec", "restartPolicy"));
  const owner = ownerOf(pod);
  const reason = asString(status.reason);
  const message = asString(status.message);
  const initContainers = containers(pod, "initContainers", "initContainerStatuses", extras.logs);
  return {
    name,
    ...owner ? { owner } : {},
    phase: phase !== void 0 && PHASES.has(phase) ? phase : "Unknown",
    ...policy !== void 0 && RESTART_POLICIES.has(policy) ? { restartPolicy: policy } : {},
    ...reason !== void 0 ? { reason } : {},
    ...message !== void 0 ? { message } : {},
    conditions: asArray(status.conditions).flatMap((c) => {
      const type = asString(dig(c, "type"));
      const value = asString(dig(c, "status"));
      if (type === void 0 || value !== "True" && value !== "False" && value !== "Unknown") return [];
      const condReason = asString(dig(c, "reason"));
      const condMessage = asString(dig(c, "message"));
      return [
        {
          type,
          status: value,
          ...condReason ? { reason: condReason } : {},
          ...condMessage ? { message: condMessage } : {}
        }
      ];
    }),
    containers: containers(pod, "containers", "containerStatuses", extras.logs),
    ...initContainers.length > 0 ? { initContainers } : {},
    events: eventsFor(name, extras.events ?? [])
  };
}
function podViewsFromKubeList(list, events = []) {
  return asArray(dig(list, "items")).map((pod) => podViewFromKubePod(pod, { events }));
}
function ownerOf(pod) {
  const refs = asArray(dig(pod, "metadata", "ownerReferences"));
  const ref = refs.find((r) => dig(r, "controller") === true) ?? refs[0];
  let kind = asString(dig(ref, "kind"));
  let name = asString(dig(ref, "name"));
  if (kind === void 0 || name === void 0) return void 0;
  const hash = asString(dig(pod, "metadata", "labels", "pod-template-hash"));
  if (kind === "ReplicaSet" && hash !== void 0 && name.endsWith(`-${hash}`)) {
    kind = "Deployment";
    name = name.slice(0, -(hash.length + 1));
  }
  const namespace = asString(dig(pod, "metadata", "namespace"));
  return { kind, name, ...namespace !== void 0 ? { namespace } : {} };
}
function containers(pod, specKey, statusKey, logs = {}) {
  const statuses = asArray(dig(pod, "status", statusKey));
  const specs = asArray(dig(pod, "spec", specKey));
  const names = [...specs.map((s) => asString(dig(s, "name"))), ...statuses.map((s) => asString(dig(s, "name")))];
  const unique = [...new Set(names.filter((n) => n !== void 0))];
  return unique.map((name) => {
    const spec = specs.find((s) => dig(s, "name") === name);
    const st = statuses.find((s) => dig(s, "name") === name);
    const lastState = stateOf(dig(st, "lastState"));
    const logTail = logs[name];
    return {
      name,
      // The spec's image is what the manifest (and tarmac's rendering) asked for; the status may show it normalised.
      image: asString(dig(spec, "image")) ?? asString(dig(st, "image")) ?? "",
      ready: dig(st, "ready") === true,
      restartCount: asNumber(dig(st, "restartCount")) ?? 0,
      state: stateOf(dig(st, "state")),
      ...Object.keys(lastState).length > 0 ? { lastState } : {},
      ...logTail ? { logTail } : {}
    };
  });
}
function stateOf(state) {
  const waiting = asRecord(dig(state, "waiting"));
  if (waiting) {
    const message = asString(waiting.message);
    return { waiting: { reason: asString(waiting.reason) ?? "Waiting", ...message ? { message } : {} } };
  }
  const running = asRecord(dig(state, "running"));
  if (running) {
    const startedAt = asString(running.startedAt);
    return { running: startedAt ? { startedAt } : {} };
  }
  const terminated = asRecord(dig(state, "terminated"));
  if (terminated) {
    const reason = asString(terminated.reason);
    const message = asString(terminated.message);
    return {
      terminated: {
        exitCode: asNumber(terminated.exitCode) ?? -1,
        ...reason ? { reason } : {},
        ...message ? { message } : {}
      }
    };
  }
  return {};
}
function eventsFor(podName, events) {
  const mine = events.filter((e) => {
    const about = asRecord(dig(e, "involvedObject")) ?? asRecord(dig(e, "regarding"));
    return about === void 0 || about.name === podName && (about.kind === void 0 || about.kind === "Pod");
  });
  const time = (e) => asString(dig(e, "lastTimestamp")) ?? asString(dig(e, "series", "lastObservedTime")) ?? asString(dig(e, "eventTime")) ?? asString(dig(e, "firstTimestamp")) ?? "";
  const sorted = mine.map((e, i) => ({ e, i })).sort((a, b) => time(a.e).localeCompare(time(b.e)) || a.i - b.i);
  return sorted.map(({ e }) => {
    const type = asString(dig(e, "type"));
    return {
      reason: asString(dig(e, "reason")) ?? "",
      message: asString(dig(e, "message")) ?? asString(dig(e, "note")) ?? "",
      ...type === "Normal" || type === "Warning" ? { type } : {}
    };
  });
}
export {
  podViewFromKubePod,
  podViewsFromKubeList
};
//# sourceMappingURL=pod-view.js.map
