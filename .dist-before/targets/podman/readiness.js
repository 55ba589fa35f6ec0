import { runProbe } from "./probe-actions.js";
const MAX_PROBE_PERIOD_MS = 2e3;
const MIN_PROBE_TIMEOUT_MS = 2e3;
class ReadinessProber {
  constructor(cli, now) {
    this.cli = cli;
    this.now = now;
  }
  cli;
  now;
  cache = /* @__PURE__ */ new Map();
  /** The probe's outcome for a container; undefined when the container has no probe. */
  async check(container, probe, signal) {
    if (!probe) return void 0;
    if (container.status !== "running") return { ready: false };
    const now = this.now();
    const started = container.startedAt ? Date.parse(container.startedAt) : now;
    if (now - started < probe.initialDelaySeconds * 1e3) return { ready: false };
    const run = `${container.id}@${container.startedAt ?? ""}`;
    const cached = this.cache.get(container.id);
    const period = Math.min(probe.periodSeconds * 1e3, MAX_PROBE_PERIOD_MS);
    if (cached && cached.run === run && now - cached.at < period) return cached.outcome;
    const timeoutMs = Math.max(probe.timeoutSeconds * 1e3, MIN_PROBE_TIMEOUT_MS);
    const outcome = await runProbe(
      probe.action,
      { containerId: container.id, hostPorts: container.hostPorts, timeoutMs, ...signal ? { signal } : {} },
      this.cli
    );
    this.cache.set(container.id, { run, at: this.now(), outcome });
    return outcome;
  }
}
export {
  MAX_PROBE_PERIOD_MS,
  ReadinessProber
};
//# sourceMappingURL=readiness.js.map
