import { tarmacVersion } from "../../version.js";
import { kindLogSources, readKindLogs } from "./logs.js";
import { applyGroup } from "./apply-group.js";
import { ClusterRecords } from "./cluster-record.js";
import { readStatus } from "./cluster-status.js";
import { deliverImage } from "./deliver-image.js";
import { downClusters } from "./down.js";
import { ensureCluster } from "./ensure-cluster.js";
import { KindTools } from "./kind-tools.js";
import { listPods } from "./list-pods.js";
import { imagePresence, presentEverywhere } from "./node-images.js";
import { sleep } from "../../watch/timeout.js";
import { InternalError } from "../../errors/errors.js";
import { PortBook } from "./forward-ports.js";
import { ForwardSupervisor } from "./forwards.js";
import { kubeconfigPath, forwardsPath } from "./paths.js";
import { listServicePorts } from "./service-ports.js";
function createKindTarget(opts) {
  const name = opts.env.cluster.name;
  const kubeconfig = kubeconfigPath(opts.stateDir, name);
  const tools = new KindTools(opts.runner, opts.engine, kubeconfig);
  const forwards = opts.lifetime ? new ForwardSupervisor({
    tools,
    book: new PortBook(forwardsPath(opts.stateDir, name)),
    lifetime: opts.lifetime,
    notify: opts.notify ?? (() => {
    }),
    sleep: opts.sleep ?? sleep,
    readyTimeoutMs: FORWARD_READY_MS
  }) : void 0;
  const target = new KindTarget({
    env: opts.env,
    name,
    engine: opts.engine,
    tools,
    records: new ClusterRecords(opts.stateDir),
    stateDir: opts.stateDir,
    runId: opts.runId,
    kubeconfig,
    createTimeoutMs: opts.createTimeoutMs,
    tarmacVersion: opts.tarmacVersion ?? tarmacVersion(),
    sleep: opts.sleep ?? sleep
  });
  target.forwards = forwards;
  return target;
}
const FORWARD_READY_MS = 6e4;
class KindTarget {
  constructor(deps) {
    this.deps = deps;
    this.name = deps.name;
  }
  deps;
  type = "kind";
  name;
  /** The supervised port-forwards; absent without a lifetime signal (nothing would ever stop them). */
  forwards;
  async status(signal) {
    return (await readStatus(this.deps, signal)).state;
  }
  ensure(ctx) {
    return ensureCluster(this.deps, ctx);
  }
  async hasImage(ref, signal) {
    return presentEverywhere(await imagePresence(this.deps, ref, signal));
  }
  deliver(ref, ctx) {
    return deliverImage(this.deps, ref, ctx);
  }
  apply(group, ctx) {
    return applyGroup(this.deps, group, ctx);
  }
  pods(group, signal) {
    return listPods(this.deps, group, signal);
  }
  /** Service endpoints on the host: one supervised `kubectl port-forward` per Service port, (re)started here. */
  async endpoints(signal) {
    const views = await this.forwardAll(signal);
    return Object.fromEntries(views.map((v) => [v.endpoint, v.url]));
  }
  /** Each endpoint's forward, for `tarmac status`. */
  endpointNotes() {
    const views = this.forwards?.views() ?? [];
    return Object.fromEntries(
      views.map((v) => [
        v.endpoint,
        `kubectl port-forward svc/${v.service} -n ${v.namespace} ${String(v.port)}, ${v.state}${v.restarts > 0 ? `, restarted ${String(v.restarts)}x` : ""}`
      ])
    );
  }
  async forwardAll(signal) {
    if (!this.forwards)
      throw new InternalError("the kind target was created without a lifetime signal: no port-forwards");
    return this.forwards.ensure(await listServicePorts(this.deps.tools, signal), signal);
  }
  logSources(signal) {
    return kindLogSources(this.deps.tools, signal);
  }
  readLogs(source, request) {
    return readKindLogs(this.deps.tools, source, request);
  }
  testEnv() {
    return { KUBECONFIG: this.deps.kubeconfig };
  }
  down(signal) {
    return downClusters(this.deps, signal);
  }
}
export {
  createKindTarget
};
//# sourceMappingURL=kind-target.js.map
