// `tarmac up`: the whole flow, then a summary; exit 1 when tests fail, 4 when a step fails.
import { run } from '../../exec/run.js';
import { up } from '../../run/up.js';
import { engineHealer } from '../../run/recovery-heal.js';
import { selectTarget } from '../../targets/select.js';
import { tarmacVersion } from '../../version.js';
import type { CliIo } from '../io.js';
import { afterRun } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { runExitCode, upSummary } from '../up-summary.js';

export interface UpCommandOptions extends SessionOptions {
  capacity?: number;
  test?: boolean;
  /** `--heal`: restart a crashed podman machine while waiting for it. */
  heal?: boolean;
  /** `--no-keep` sets false: an interrupted up removes the env instead of keeping it. */
  keep?: boolean;
}

/** Runs `tarmac up` and returns its exit code. */
export async function upCommand(opts: UpCommandOptions, io: CliIo): Promise<number> {
  const session = await openSession(opts, io, 'up');
  try {
    const { target, why } = selectTarget(session.env, { runner: run, engine: session.engine, processEnv: io.env, runId: session.bus.runId });
    session.bus.emit({ type: 'decision', message: `target: ${why}; engine: ${session.engine.name}` });
    const result = await up({
      env: session.env, engine: session.engine, target, runner: run, bus: session.bus, signal: session.root.signal,
      version: tarmacVersion(), processEnv: io.env, withTest: opts.test !== false, keepOnInterrupt: opts.keep !== false,
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      hostGate: session.hostGate,
      ...(opts.heal ? { heal: engineHealer(session.engine, run) } : {}),
    });
    session.close();
    const text = upSummary({ summary: result.summary, events: session.bus.history, ...(result.test ? { test: result.test } : {}), durationMs: result.durationMs }, session.view.colors);
    if (opts.json) io.stdout.write(`${JSON.stringify({ runId: session.bus.runId, outcome: result.summary.outcome, images: Object.fromEntries(result.refs), journal: session.journal.dir, tests: result.test?.report?.totals }, null, 2)}\n`);
    else io.stdout.write(text);
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    return runExitCode(result.summary);
  } finally {
    session.close();
  }
}
