// What every run command sets up: config, engine, root signal, event bus, journal and view; torn down in one place.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import { detectEngine } from '../engines/detect.js';
import { envDetectionMemory } from '../engines/detect-memory.js';
import { runCommand } from '../exec/run-command.js';
import { EventBus, systemClock } from '../events/bus.js';
import { makeRedactor, type Redactor } from '../redact/redactor.js';
import { secretValues } from '../redact/env-secrets.js';
import { openJournal, type Journal } from '../journal/writer.js';
import { openRecorder } from '../history/recorder.js';
import { learnedDurations } from '../history/learned.js';
import type { StepId } from '../plan/types.js';
import { openHostLease } from '../lease/open-host-lease.js';
import { claimRun } from '../reconcile/owner.js';
import { systemProcessProbe } from '../reconcile/liveness.js';
import { reconcile } from '../reconcile/reconcile.js';
import { newRunId } from '../orchestrate/run-id.js';
import type { HostGate } from '../orchestrate/scheduler-types.js';
import { colorsFor } from '../ui/colors.js';
import { plainView } from '../ui/plain-view.js';
import { safeText } from '../ui/safe-text.js';
import type { CliIo } from './io.js';
import { loadCommandConfig } from './load-config.js';
import { rootSignal, type RootSignal } from './signals.js';
import { attachView, safely, type AttachedView } from './view.js';
import { diskPreflight } from './disk-preflight.js';
import { lockEnv } from './env-lock.js';
import { readAheadRunner } from './read-ahead.js';

export interface SessionOptions {
  file?: string;
  json?: boolean;
  verbose?: boolean;
  plain?: boolean;
  /** This run's engine capacity (`--capacity`); the host-wide engine lease needs it. */
  capacity?: number;
  /** `--ci`: CI mode even without CI=true (plain view, annotations, job summary, bundle on failure). */
  ci?: boolean;
  /** build and up: check free disk (and prune by the disk policy) before anything is built. */
  diskCheck?: boolean;
  /** up and test: take the env's lock first; `wait: false` (`--no-wait`) refuses when another run holds it. */
  lock?: { wait: boolean };
  /**
   * The command's checks of its options against the config (e.g. `--refs` without `--pull-only`): run as soon as
   * the config is loaded, before anything is locked, detected, cleaned or written, so a usage error leaves nothing.
   */
  usageChecks?: (env: Env) => void | Promise<void>;
  /**
   * Work that needs only the config (and the env's lock, when taken), started before the engine is detected so it
   * runs beside detection, reconcile and the disk check (issue 16: `build` and `up` hash the build contexts here).
   */
  early?: (env: Env) => void;
  /**
   * Read-only engine work started as soon as the engine and the run's bus exist, beside reconcile and the journal's
   * setup (issue 16: `test` reads the env's health and endpoints here). Only reads: the env's lock is held, and
   * reconcile changes nothing a read of the env's network, pods or endpoints sees (it removes build containers).
   */
  engineReady?: (ready: {
    env: Env;
    engine: ContainerEngine;
    bus: EventBus;
    lifetime: AbortSignal;
    /** The command's root signal (Ctrl-C). */
    signal: AbortSignal;
  }) => void;
}

export interface Session {
  env: Env;
  engine: ContainerEngine;
  bus: EventBus;
  journal: Journal;
  view: AttachedView;
  root: RootSignal;
  /** Aborted by Ctrl-C (the root signal) or by close(): what runs for the whole command (port-forwards) stops with it. */
  lifetime: AbortSignal;
  /** Where progress goes: stderr under --json, else stdout. */
  progress: CliIo['stdout'];
  /** The bus's redactor: for text printed or written that did not come through the bus (summaries built from errors). */
  redact: Redactor;
  /** The host-wide engine lease for the scheduler (src/lease); undefined with TARMAC_HOST_LEASE=off. */
  hostGate?: HostGate;
  /** Learned step durations from history (median of earlier real runs): the plan's estimates. */
  durations: ReadonlyMap<StepId, number>;
  /** `--ci` was given (CI=true in the environment means the same; see src/ci/detect.ts). */
  ci?: boolean;
  /** Ends the run's journal with `run.finished` (if the command did not), stops the view, closes the journal. */
  close(): void;
}

/** Loads the config and engine, cleans up after crashed earlier runs, and opens the run's journal and view. */
export async function openSession(opts: SessionOptions, io: CliIo, command = 'run'): Promise<Session> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  await opts.usageChecks?.(env);
  const started = Date.now();
  let finish: ((outcome: 'failed' | 'cancelled') => void) | undefined;
  const root = rootSignal({
    onFirst: (name) => io.stderr.write(`\n${name}: cancelling, stopping what runs… (again to force)\n`),
    // A forced exit still ends the journal properly.
    onForce: () => finish?.('cancelled'),
  });
  let unlock: (() => void) | undefined;
  const lifetime = new AbortController();
  root.signal.addEventListener('abort', () => lifetime.abort(root.signal.reason), { once: true });
  let say: ((message: string) => void) | undefined;
  try {
    // Before anything touches the env (reconcile, the journal): two runs of one env never interleave.
    const lock = opts.lock ? await lockEnv(env, command, opts.lock.wait, root.signal, io) : undefined;
    unlock = lock?.release;
    opts.early?.(env);
    const memory = envDetectionMemory(env.stateDir, io.env);
    // Every engine call goes through this runner: one of them may be answered by the read ahead (issue 16).
    const runner = readAheadRunner(io.readAhead, env, lock, (message) => say?.(message));
    const detection = detectEngine(env.engine, { runner, env: io.env, ...(memory ? { memory } : {}) });
    // Read while the engine answers (history only reads here; the run is recorded once the engine is known).
    // Read before this run records anything, so its estimates come from earlier runs only.
    const durations = learnedDurations(env.historyPath, env.name, (m) => void io.stderr.write(`${safeText(m)}\n`));
    // Secrets are masked at the bus, so no journal, view, history or report ever holds them.
    const redact = makeRedactor(secretValues(env, io.env));
    const { engine, explanation } = await detection;
    const probe = systemProcessProbe();
    const bus = new EventBus(newRunId(), systemClock, redact);
    say = (message) => bus.emit({ type: 'decision', message });
    opts.engineReady?.({ env, engine, bus, lifetime: lifetime.signal, signal: root.signal });
    // The owner record comes first: a later tarmac must never see this run's journal without knowing its pid.
    claimRun(env.stateDir, bus.runId, command, probe);
    const journal = openJournal(env.stateDir, bus.runId);
    bus.subscribe(journal.listener);
    // History consumes the same events; it warns once and stops on a database error, never failing the run.
    const history = openRecorder({
      path: env.historyPath,
      env: env.name,
      dir: journal.dir,
      ...(io.env.TARMAC_RUN_LABEL ? { label: io.env.TARMAC_RUN_LABEL } : {}),
      warn: (m) => void io.stderr.write(`${safeText(m)}\n`),
    });
    bus.subscribe(history.listener);
    const progress = opts.json ? io.stderr : io.stdout;
    finish = (outcome) => {
      if (!bus.history.some((e) => e.type === 'run.finished'))
        bus.emit({ type: 'run.finished', outcome, durationMs: Date.now() - started });
    };
    // Printed plainly before the live view starts, so the user reads what was cleaned on any terminal.
    const early = bus.subscribe(
      safely(
        plainView({
          write: (text) => void progress.write(text),
          colors: colorsFor(Boolean(progress.isTTY), io.env),
          verbose: false,
        }),
      ),
    );
    // Independent engine queries (reconcile lists containers and images, the disk check asks `podman info`): at once.
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
        probe,
        ...(env.disk?.keepRuns !== undefined ? { keepRuns: env.disk.keepRuns } : {}),
      }),
      opts.diskCheck ? diskPreflight({ env, engine, bus, signal: root.signal }, io) : undefined,
    ]);
    // Runs reconcile just marked abandoned in their journals are marked so in the history too.
    history.settle(bus.runId);
    // Shares the engine with other tarmac runs on this host; reclaiming dead runs' units is printed with the cleanup.
    const lease = openHostLease({
      engine,
      processEnv: io.env,
      bus,
      envName: env.name,
      capacity: opts.capacity ?? env.capacity,
    });
    early();
    const view = attachView(bus, progress, io.env, {
      plain: Boolean(opts.plain || opts.ci),
      verbose: Boolean(opts.verbose),
    });
    if (opts.verbose) for (const line of explanation) progress.write(`engine: ${safeText(line)}\n`);
    let closed = false;
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
      ...(opts.ci ? { ci: true } : {}),
      durations,
      ...(lease ? { hostGate: lease.gate } : {}),
      close() {
        if (closed) return;
        closed = true;
        lifetime.abort();
        finish?.(root.signal.aborted ? 'cancelled' : 'failed');
        view.stop();
        lease?.close();
        journal.close();
        history.close();
        unlock?.();
        root.dispose();
      },
    };
  } catch (err) {
    // What engineReady started (a kind port-forward) ends with the session that failed to open.
    io.readAhead?.stop();
    lifetime.abort();
    unlock?.();
    root.dispose();
    throw err;
  }
}
