// `tarmac build`: build what changed, show progress and a summary.
import { buildImages } from '../../run/build-images.js';
import { engineHealer } from '../../run/recovery-heal.js';
import { run } from '../../exec/run.js';
import { tarmacVersion } from '../../version.js';
import { ExitCode } from '../../errors/errors.js';
import type { CliIo } from '../io.js';
import { afterRun } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { buildSummary, buildJson } from '../build-summary.js';

export interface BuildOptions extends SessionOptions {
  capacity?: number;
  only?: string[];
  /** Push built images by content tag even when `registry.push` is off. */
  push?: boolean;
  /** `--heal`: restart a crashed podman machine while waiting for it. */
  heal?: boolean;
}

/** Runs `tarmac build` and returns its exit code. */
export async function buildCommand(opts: BuildOptions, io: CliIo): Promise<number> {
  const session = await openSession(opts, io, 'build');
  try {
    const result = await buildImages({
      env: session.env, engine: session.engine, bus: session.bus, signal: session.root.signal, version: tarmacVersion(),
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      ...(opts.only ? { only: opts.only } : {}),
      ...(opts.push ? { push: true } : {}),
      hostGate: session.hostGate,
      ...(opts.heal ? { heal: engineHealer(session.engine, run) } : {}),
    });
    session.close();
    if (opts.json) io.stdout.write(`${JSON.stringify({ ...buildJson(session.bus.runId, result), journal: session.journal.dir }, null, 2)}\n`);
    else io.stdout.write(buildSummary(result, session.view.colors));
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    if (result.summary.outcome === 'cancelled') return ExitCode.interrupted;
    // A step that fails during the run is an infrastructure failure (ARCHITECTURE.md exit codes).
    return result.summary.outcome === 'failed' ? ExitCode.infrastructure : ExitCode.ok;
  } finally {
    session.close();
  }
}
