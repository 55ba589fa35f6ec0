// `tarmac build`: detect the engine, build what changed, show progress and a summary.
import { resolve } from 'node:path';
import { findConfigFile, loadEnv } from '../../config/load.js';
import { detectEngine } from '../../engines/detect.js';
import { run } from '../../exec/run.js';
import { EventBus } from '../../events/bus.js';
import { newRunId } from '../../run/run-id.js';
import { buildImages } from '../../run/build-images.js';
import { tarmacVersion } from '../../version.js';
import { ExitCode } from '../../errors/errors.js';
import type { CliIo } from '../io.js';
import { rootSignal } from '../signals.js';
import { attachView } from '../view.js';
import { openJournal } from '../../journal/writer.js';
import { buildSummary, buildJson } from '../build-summary.js';

export interface BuildOptions {
  file?: string;
  capacity?: number;
  only?: string[];
  json?: boolean;
  verbose?: boolean;
  plain?: boolean;
}

/** Runs `tarmac build` and returns its exit code. */
export async function buildCommand(opts: BuildOptions, io: CliIo): Promise<number> {
  const file = opts.file ? resolve(io.cwd, opts.file) : findConfigFile(io.cwd);
  const env = await loadEnv(file, { cwd: io.cwd });
  const root = rootSignal((name) => io.stderr.write(`\n${name}: cancelling, killing builds… (again to force)\n`));
  try {
    const { engine, explanation } = await detectEngine(env.engine, { runner: run, env: io.env });
    const bus = new EventBus(newRunId());
    const journal = openJournal(env.stateDir, bus.runId);
    bus.subscribe(journal.listener);
    const progress = opts.json ? io.stderr : io.stdout;
    const view = attachView(bus, progress, io.env, { plain: Boolean(opts.plain), verbose: Boolean(opts.verbose) });
    if (opts.verbose) for (const line of explanation) progress.write(`engine: ${line}\n`);
    const result = await buildImages({
      env, engine, bus, signal: root.signal, version: tarmacVersion(),
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      ...(opts.only ? { only: opts.only } : {}),
    });
    view.stop();
    journal.close();
    if (opts.json) io.stdout.write(`${JSON.stringify({ ...buildJson(bus.runId, result), journal: journal.dir }, null, 2)}\n`);
    else io.stdout.write(buildSummary(result, view.colors));
    if (result.summary.outcome === 'cancelled') return ExitCode.interrupted;
    // A step that fails during the run is an infrastructure failure (ARCHITECTURE.md exit codes).
    if (result.summary.outcome === 'failed') return ExitCode.infrastructure;
    return ExitCode.ok;
  } finally {
    root.dispose();
  }
}
