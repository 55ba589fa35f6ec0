// What every run command sets up: config, engine, root signal, event bus, journal and view; torn down in one place.
import { resolve } from 'node:path';
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import { findConfigFile, loadEnv } from '../config/load.js';
import { detectEngine } from '../engines/detect.js';
import { run } from '../exec/run.js';
import { EventBus } from '../events/bus.js';
import { openJournal, type Journal } from '../journal/writer.js';
import { newRunId } from '../run/run-id.js';
import type { CliIo } from './io.js';
import { rootSignal, type RootSignal } from './signals.js';
import { attachView, type AttachedView } from './view.js';

export interface SessionOptions {
  file?: string;
  json?: boolean;
  verbose?: boolean;
  plain?: boolean;
}

export interface Session {
  env: Env;
  engine: ContainerEngine;
  bus: EventBus;
  journal: Journal;
  view: AttachedView;
  root: RootSignal;
  /** Where progress goes: stderr under --json, else stdout. */
  progress: CliIo['stdout'];
  close(): void;
}

/** Loads the config and engine and opens the run's journal and view. */
export async function openSession(opts: SessionOptions, io: CliIo): Promise<Session> {
  const file = opts.file ? resolve(io.cwd, opts.file) : findConfigFile(io.cwd);
  const env = await loadEnv(file, { cwd: io.cwd });
  const root = rootSignal((name) => io.stderr.write(`\n${name}: cancelling, stopping what runs… (again to force)\n`));
  try {
    const { engine, explanation } = await detectEngine(env.engine, { runner: run, env: io.env });
    const bus = new EventBus(newRunId());
    const journal = openJournal(env.stateDir, bus.runId);
    bus.subscribe(journal.listener);
    const progress = opts.json ? io.stderr : io.stdout;
    const view = attachView(bus, progress, io.env, { plain: Boolean(opts.plain), verbose: Boolean(opts.verbose) });
    if (opts.verbose) for (const line of explanation) progress.write(`engine: ${line}\n`);
    let closed = false;
    return {
      env, engine, bus, journal, view, root, progress,
      close() {
        if (closed) return;
        closed = true;
        view.stop();
        journal.close();
        root.dispose();
      },
    };
  } catch (err) {
    root.dispose();
    throw err;
  }
}
