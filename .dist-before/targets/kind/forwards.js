import { TarmacError } from "../../errors/errors.js";
import { describeFailure } from "../../exec/describe.js";
import { rejectAfter } from "../../watch/timeout.js";
import { forwardKey } from "./forward-ports.js";
import { startForward } from "./port-forward.js";
const BACKOFF_MS = [250, 500, 1e3, 2e3, 5e3];
const PORT_TRIES = 3;
class ForwardSupervisor {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  forwards = /* @__PURE__ */ new Map();
  /** Makes sure every port is forwarded and listening; throws ENDPOINT_FORWARD_FAILED naming kubectl's error. */
  async ensure(ports, signal) {
    for (const sp of ports) {
      const key = forwardKey(sp);
      if (!this.forwards.has(key)) {
        const forward = new SupervisedForward(sp, this.deps, () => this.forwards.delete(key));
        this.forwards.set(key, forward);
        forward.run();
      }
    }
    const wanted = ports.map((sp) => this.forwards.get(forwardKey(sp)));
    await Promise.all(wanted.map((f) => f?.whenReady(this.deps.readyTimeoutMs, signal)));
    return this.views().filter((v) => ports.some((sp) => forwardKey(sp) === forwardKey(v)));
  }
  /** Every forward this process runs. */
  views() {
    return [...this.forwards.values()].map((f) => ({ ...f.view }));
  }
}
class SupervisedForward {
  constructor(sp, deps, forget) {
    this.sp = sp;
    this.deps = deps;
    this.forget = forget;
    this.view = { ...sp, localPort: 0, url: "", state: "starting", restarts: 0 };
  }
  sp;
  deps;
  forget;
  view;
  everReady = false;
  /** Why the first start failed (the forward is then given up and forgotten). */
  failed;
  waiters = [];
  get label() {
    return `port-forward svc/${this.sp.service} -n ${this.sp.namespace} ${String(this.sp.port)}`;
  }
  /** Resolves once the forward listens (now or after its restart). */
  whenReady(timeoutMs, signal) {
    if (this.view.state === "forwarding") return Promise.resolve();
    if (this.failed) return Promise.reject(this.failed);
    const stop = new AbortController();
    const waiting = new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    const timeout = rejectAfter(
      timeoutMs,
      stop.signal,
      () => this.failure(`it did not listen within ${String(timeoutMs / 1e3)}s`)
    );
    const cancelled = signal ? new Promise(
      (_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true, signal: stop.signal })
    ) : void 0;
    return Promise.race([waiting, timeout, ...cancelled ? [cancelled] : []]).finally(() => stop.abort());
  }
  /** The restart loop; ends with the lifetime, or when the very first start fails (the caller hears why). */
  run() {
    void this.loop().catch((err) => this.settle(err instanceof Error ? err : new Error(String(err))));
  }
  async loop() {
    const { lifetime } = this.deps;
    let failures = 0;
    let portTries = 0;
    while (!lifetime.aborted) {
      const local = await this.deps.book.portFor(forwardKey(this.sp));
      Object.assign(this.view, { localPort: local, url: `http://127.0.0.1:${String(local)}` });
      const running = startForward(this.deps.tools, this.sp, local, lifetime);
      let result;
      try {
        await running.ready;
        if (this.everReady) this.deps.notify(`${this.label} restarted on 127.0.0.1:${String(local)}`);
        this.everReady = true;
        failures = 0;
        this.view.state = "forwarding";
        this.settle();
        result = await running.ended;
      } catch (err) {
        result = err.result;
        if (lifetime.aborted) return this.settle(this.failure("tarmac is stopping"));
        if (/unable to listen on any of the requested ports/.test(result.stderr) && ++portTries < PORT_TRIES) continue;
        if (!this.everReady) {
          this.forget();
          this.settle(this.failure(lastError(result)));
          return;
        }
        failures++;
      }
      if (lifetime.aborted) return;
      this.view.state = "restarting";
      this.view.restarts++;
      this.deps.notify(`${this.label} (127.0.0.1:${String(local)}) dropped: ${lastError(result)}; restarting`);
      await this.deps.sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 5e3, lifetime);
    }
  }
  settle(error) {
    if (error && !this.everReady) this.failed = error;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }
  failure(why) {
    return new TarmacError("ENDPOINT_FORWARD_FAILED", `${this.label} could not start: ${why}`, {
      hint: "The Service needs a running pod behind its selector; `tarmac status` lists the pods and forwards."
    });
  }
}
function lastError(result) {
  const lines = result.stderr.split("\n").map((l) => l.trim());
  return [...lines].reverse().find((l) => /^(error|Error from server)/.test(l)) ?? describeFailure(result);
}
export {
  ForwardSupervisor
};
//# sourceMappingURL=forwards.js.map
