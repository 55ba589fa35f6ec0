// Readiness from the manifests' probes, evaluated by tarmac: podman 4.3.1 `kube play` ignores
// readinessProbe. Results are cached per container run and refreshed every periodSeconds (capped,
// so a 10 s default period does not slow a deploy down); initialDelaySeconds is honoured.
import type { ContainerRecord } from './inspect.js';
import type { ReadinessProbe } from './pod-spec.js';
import type { PodmanCli } from './podman-cli.js';
import type { ProbeOutcome } from './pod-view.js';
import { runProbe } from './probe-actions.js';

/** Longest wait between two probes of one container, whatever periodSeconds says. */
export const MAX_PROBE_PERIOD_MS = 2_000;
/** Shortest probe timeout: podman exec alone can take a few hundred ms. */
const MIN_PROBE_TIMEOUT_MS = 2_000;

interface Cached {
  /** The container run the result belongs to (a restart starts a new one). */
  run: string;
  at: number;
  outcome: ProbeOutcome;
}

/** Probes containers and remembers the results. */
export class ReadinessProber {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly cli: PodmanCli,
    private readonly now: () => number,
  ) {}

  /** The probe's outcome for a container; undefined when the container has no probe. */
  async check(
    container: ContainerRecord,
    probe: ReadinessProbe | undefined,
    signal?: AbortSignal,
  ): Promise<ProbeOutcome | undefined> {
    if (!probe) return undefined;
    if (container.status !== 'running') return { ready: false };
    const now = this.now();
    const started = container.startedAt ? Date.parse(container.startedAt) : now;
    if (now - started < probe.initialDelaySeconds * 1000) return { ready: false };
    const run = `${container.id}@${container.startedAt ?? ''}`;
    const cached = this.cache.get(container.id);
    const period = Math.min(probe.periodSeconds * 1000, MAX_PROBE_PERIOD_MS);
    if (cached && cached.run === run && now - cached.at < period) return cached.outcome;
    const timeoutMs = Math.max(probe.timeoutSeconds * 1000, MIN_PROBE_TIMEOUT_MS);
    const outcome = await runProbe(
      probe.action,
      { containerId: container.id, hostPorts: container.hostPorts, timeoutMs, ...(signal ? { signal } : {}) },
      this.cli,
    );
    this.cache.set(container.id, { run, at: this.now(), outcome });
    return outcome;
  }
}
