import { detectEngine } from "../engines/detect.js";
import { runCommand } from "../exec/run-command.js";
import { EventBus, systemClock } from "../events/bus.js";
import { makeRedactor } from "../redact/redactor.js";
import { secretValues } from "../redact/env-secrets.js";
import { openJournal } from "../journal/writer.js";
import { openRecorder } from "../history/recorder.js";
import { learnedDurations } from "../history/learned.js";
import { openHostLease } from "../lease/open-host-lease.js";
import { claimRun } from "../reconcile/owner.js";
import { systemProcessProbe } from "../reconcile/liveness.js";
import { reconcile } from "../reconcile/reconcile.js";
import { newRunId } from "../orchestrate/run-id.js";
import { colorsFor } from "../ui/colors.js";
import { plainView } from "../ui/plain-view.js";
import { safeText } from "../ui/safe-text.js";
import { loadCommandConfig } from "./load-config.js";
import { rootSignal } from "./signals.js";
import { attachView, safely } from "./view.js";
import { diskPreflight } from "./disk-preflight.js";
import { lockEnv } from "./env-lock.js";
async function openSession(opts, io, command = "run") {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const started = Date.now();
  let finish;
  const root = rootSignal({
    onFirst: (name) => io.stderr.write(`
${name}: cancelling, stopping what runs\u2026 (again to force)
`),
    // A forced exit still ends the journal properly.
    onForce: () => finish?.("cancelled")
  });
  let unlock;
  try {
    if (opts.lock) unlock = await lockEnv(env, command, opts.lock.wait, root.signal, io);
    const { engine, explanation } = await detectEngine(env.engine, { runner: runCommand, env: io.env });
    const probe = systemProcessProbe();
    const redact = makeRedactor(secretValues(env, io.env));
    const bus = new EventBus(newRunId(), systemClock, redact);
    claimRun(env.stateDir, bus.runId, command, probe);
    const journal = openJournal(env.stateDir, bus.runId);
    bus.subscribe(journal.listener);
    const durations = learnedDurations(env.historyPath, env.name, (m) => void io.stderr.write(`${safeText(m)}
`));
    const history = openRecorder({
      path: env.historyPath,
      env: env.name,
      dir: journal.dir,
      ...io.env.TARMAC_RUN_LABEL ? { label: io.env.TARMAC_RUN_LABEL } : {},
      warn: (m) => void io.stderr.write(`${safeText(m)}
`)
    });
    bus.subscribe(history.listener);
    const progress = opts.json ? io.stderr : io.stdout;
    finish = (outcome) => {
      if (!bus.history.some((e) => e.type === "run.finished"))
        bus.emit({ type: "run.finished", outcome, durationMs: Date.now() - started });
    };
    const early = bus.subscribe(
      safely(
        plainView({
          write: (text) => void progress.write(text),
          colors: colorsFor(Boolean(progress.isTTY), io.env),
          verbose: false
        })
      )
    );
    await Promise.all([
      reconcile({
        stateDir: env.stateDir,
        envName: env.name,
        imageNames: env.images.map((i) => i.name),
        runId: bus.runId,
        engine,
        runner: runCommand,
        bus,
        signal: root.signal,
        probe
      }),
      opts.diskCheck ? diskPreflight({ env, engine, bus, signal: root.signal }, io) : void 0
    ]);
    history.settle(bus.runId);
    const lease = openHostLease({
      engine,
      processEnv: io.env,
      bus,
      envName: env.name,
      capacity: opts.capacity ?? env.capacity
    });
    early();
    const view = attachView(bus, progress, io.env, {
      plain: Boolean(opts.plain || opts.ci),
      verbose: Boolean(opts.verbose)
    });
    if (opts.verbose) for (const line of explanation) progress.write(`engine: ${safeText(line)}
`);
    let closed = false;
    const lifetime = new AbortController();
    root.signal.addEventListener("abort", () => lifetime.abort(root.signal.reason), { once: true });
    return {
      env,
      engine,
      bus,
      journal,
      view,
      root,
      lifetime: lifetime.signal,
      progress,
      redact,
      ...opts.ci ? { ci: true } : {},
      durations,
      ...lease ? { hostGate: lease.gate } : {},
      close() {
        if (closed) return;
        closed = true;
        lifetime.abort();
        finish?.(root.signal.aborted ? "cancelled" : "failed");
        view.stop();
        lease?.close();
        journal.close();
        history.close();
        unlock?.();
        root.dispose();
      }
    };
  } catch (err) {
    unlock?.();
    root.dispose();
    throw err;
  }
}
export {
  openSession
};
//# sourceMappingURL=session.js.map
