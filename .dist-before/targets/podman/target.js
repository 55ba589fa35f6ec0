import { envIdentity } from "../../config/project-identity.js";
import { podmanLogSources, readPodmanLogs } from "./logs.js";
import { applyGroup } from "./apply.js";
import { deliverImage } from "./deliver.js";
import { downEnv } from "./down.js";
import { serviceEndpoints } from "./endpoints.js";
import { ensureNetwork } from "./ensure.js";
import { inspectPod } from "./inspect.js";
import { isOurs, networkName } from "./names.js";
import { planGroup } from "./play-plan.js";
import { podmanCli } from "./podman-cli.js";
import { groupPodViews } from "./pods.js";
import { ReadinessProber } from "./readiness.js";
import { removePods } from "./remove-pods.js";
import { StateStore, statePaths } from "./state.js";
import { envStatus } from "./status.js";
function createPodmanTarget(opts) {
  return new PodmanTarget(opts);
}
class PodmanTarget {
  constructor(opts) {
    this.opts = opts;
    this.name = networkName(opts.env.name);
    this.id = envIdentity(opts.env);
    this.cli = podmanCli(opts.engine);
    const paths = statePaths(opts.stateDir);
    this.store = new StateStore(paths.file, opts.env.name);
    this.playDir = paths.playDir;
    this.now = opts.now ?? Date.now;
    this.prober = new ReadinessProber(this.cli, this.now);
  }
  opts;
  type = "podman";
  runsFromEngineStore = true;
  name;
  cli;
  store;
  playDir;
  prober;
  now;
  /** The env name and the project (checkout) it belongs to: every label and ownership check uses it. */
  id;
  status(signal) {
    return envStatus(this.cli, this.id, this.name, signal);
  }
  ensure(ctx) {
    const teardown = async () => {
      const report = await this.down(ctx.signal);
      for (const removed of report.removed) ctx.output(`removed ${removed}`);
    };
    return ensureNetwork(
      {
        cli: this.cli,
        id: this.id,
        network: this.name,
        reuse: this.opts.env.cluster.reuse,
        store: this.store,
        teardown
      },
      ctx.signal
    );
  }
  hasImage(ref, signal) {
    return this.opts.engine.imageExists(ref, signal);
  }
  deliver(ref, ctx) {
    return deliverImage(this.opts.engine, this.opts.env, ref, ctx);
  }
  apply(group, ctx, envGroups = []) {
    const deps = {
      cli: this.cli,
      engine: this.opts.engine,
      id: this.id,
      network: this.name,
      store: this.store,
      playDir: this.playDir,
      timeoutMs: this.opts.env.timeouts.deploy,
      insecure: this.opts.env.registry?.insecure ?? false,
      removePod: (name) => this.removeOwnPod(name)
    };
    return applyGroup(deps, group, this.plan(group, envGroups), ctx);
  }
  pods(group, signal) {
    const deps = { cli: this.cli, id: this.id, prober: this.prober, store: this.store, now: this.now };
    return groupPodViews(deps, group.name, this.plan(group, [], false).units, signal);
  }
  // Kinds without pods have no controller here to set a condition: the wait is met, and says why.
  condition(ref) {
    return Promise.resolve({
      status: "True",
      detail: `met at once: ${ref.kind}/${ref.name} has no controller on the podman target to report it`
    });
  }
  async endpoints(signal) {
    return serviceEndpoints(this.cli, this.id, await this.store.read(), signal);
  }
  logSources(signal) {
    return podmanLogSources(this.cli, this.id, signal);
  }
  readLogs(source, request) {
    return readPodmanLogs(this.cli, source, request);
  }
  testEnv() {
    return { TARMAC_NETWORK: this.name };
  }
  down(signal) {
    return downEnv(
      { cli: this.cli, id: this.id, network: this.name, store: this.store, playDir: this.playDir },
      signal
    );
  }
  // Pod names and probes (all pods() needs) do not depend on the other groups, and a Service that
  // selects a workload of another group is no problem there: pods() plans leniently, without them.
  plan(group, envGroups = [], strict = true) {
    const ctx = { env: this.opts.env.name, project: this.id.project, runId: this.opts.runId, network: this.name };
    return planGroup(group, ctx, envGroups, strict);
  }
  // Removes a pod by name only when it carries the env's labels.
  async removeOwnPod(name) {
    const pod = await inspectPod(this.cli, name);
    if (!pod || !isOurs(pod.labels, this.id)) return;
    await removePods(this.cli, [name]);
  }
}
export {
  createPodmanTarget
};
//# sourceMappingURL=target.js.map
