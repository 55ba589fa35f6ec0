// The supervised port-forwards of a kind env: one `kubectl port-forward` per Service port, started on demand, restarted
// (with a short backoff) when it drops, and stopped when the target's lifetime signal aborts (tarmac exits).
import { TarmacError } from '../../errors/errors.js';
import { describeFailure } from '../../exec/describe.js';
import type { CommandResult } from '../../exec/types.js';
import { rejectAfter } from '../../watch/timeout.js';
import { forwardKey, type PortBook } from './forward-ports.js';
import type { KindTools } from './kind-tools.js';
import { startForward } from './port-forward.js';
import type { ServicePort } from './service-ports.js';

/** One forward as status and tests see it. */
export interface ForwardView extends ServicePort {
  localPort: number;
  url: string;
  state: 'starting' | 'forwarding' | 'restarting';
  restarts: number;
}

export interface ForwardDeps {
  tools: KindTools;
  book: PortBook;
  /** Aborts when tarmac is done: every forward stops with it. */
  lifetime: AbortSignal;
  /** One line for the journal and the view (a forward dropped, restarted). */
  notify: (line: string) => void;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long `ensure` waits for a forward to listen. */
  readyTimeoutMs: number;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 5000];
/** Tries when the kept port was taken between the check and kubectl's bind. */
const PORT_TRIES = 3;

/** Starts, watches and restarts the env's forwards. */
export class ForwardSupervisor {
  private readonly forwards = new Map<string, SupervisedForward>();

  constructor(private readonly deps: ForwardDeps) {}

  /** Makes sure every port is forwarded and listening; throws ENDPOINT_FORWARD_FAILED naming kubectl's error. */
  async ensure(ports: readonly ServicePort[], signal?: AbortSignal): Promise<ForwardView[]> {
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
  views(): ForwardView[] {
    return [...this.forwards.values()].map((f) => ({ ...f.view }));
  }
}

// One Service port's forward and its restart loop.
class SupervisedForward {
  readonly view: ForwardView;
  private everReady = false;
  /** Why the first start failed (the forward is then given up and forgotten). */
  private failed: Error | undefined;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(
    private readonly sp: ServicePort,
    private readonly deps: ForwardDeps,
    private readonly forget: () => void,
  ) {
    this.view = { ...sp, localPort: 0, url: '', state: 'starting', restarts: 0 };
  }

  private get label(): string {
    return `port-forward svc/${this.sp.service} -n ${this.sp.namespace} ${String(this.sp.port)}`;
  }

  /** Resolves once the forward listens (now or after its restart). */
  whenReady(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.view.state === 'forwarding') return Promise.resolve();
    if (this.failed) return Promise.reject(this.failed);
    const stop = new AbortController();
    const waiting = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    const timeout = rejectAfter(timeoutMs, stop.signal, () =>
      this.failure(`it did not listen within ${String(timeoutMs / 1000)}s`),
    );
    const cancelled = signal
      ? new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true, signal: stop.signal }),
        )
      : undefined;
    return Promise.race([waiting, timeout, ...(cancelled ? [cancelled] : [])]).finally(() => stop.abort());
  }

  /** The restart loop; ends with the lifetime, or when the very first start fails (the caller hears why). */
  run(): void {
    void this.loop().catch((err: unknown) => this.settle(err instanceof Error ? err : new Error(String(err))));
  }

  private async loop(): Promise<void> {
    const { lifetime } = this.deps;
    let failures = 0;
    let portTries = 0;
    while (!lifetime.aborted) {
      const local = await this.deps.book.portFor(forwardKey(this.sp));
      Object.assign(this.view, { localPort: local, url: `http://127.0.0.1:${String(local)}` });
      const running = startForward(this.deps.tools, this.sp, local, lifetime);
      let result: CommandResult;
      try {
        await running.ready;
        if (this.everReady) this.deps.notify(`${this.label} restarted on 127.0.0.1:${String(local)}`);
        this.everReady = true;
        failures = 0;
        this.view.state = 'forwarding';
        this.settle();
        result = await running.ended;
      } catch (err) {
        result = (err as { result: CommandResult }).result;
        if (lifetime.aborted) return this.settle(this.failure('tarmac is stopping'));
        // Someone took the kept port between the check and kubectl's bind: the next turn picks another.
        if (/unable to listen on any of the requested ports/.test(result.stderr) && ++portTries < PORT_TRIES) continue;
        if (!this.everReady) {
          this.forget();
          this.settle(this.failure(lastError(result)));
          return;
        }
        failures++;
      }
      if (lifetime.aborted) return;
      this.view.state = 'restarting';
      this.view.restarts++;
      this.deps.notify(`${this.label} (127.0.0.1:${String(local)}) dropped: ${lastError(result)}; restarting`);
      await this.deps.sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 5000, lifetime);
    }
  }

  private settle(error?: Error): void {
    if (error && !this.everReady) this.failed = error;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }

  private failure(why: string): TarmacError {
    return new TarmacError('ENDPOINT_FORWARD_FAILED', `${this.label} could not start: ${why}`, {
      hint: 'The Service needs a running pod behind its selector; `tarmac status` lists the pods and forwards.',
    });
  }
}

// kubectl's own error line ("error: ...", "Error from server ..."), else how the process ended.
function lastError(result: CommandResult): string {
  const lines = result.stderr.split('\n').map((l) => l.trim());
  return [...lines].reverse().find((l) => /^(error|Error from server)/.test(l)) ?? describeFailure(result);
}
