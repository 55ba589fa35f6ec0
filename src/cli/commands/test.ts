// `tarmac test`: re-runs the suite on the live env; exit 1 when tests fail. `--suite X`: suite X's test command on
// its live clusters (every cluster's endpoints and kubeconfig, as `up --suite` gives them).
import { runCommand } from '../../exec/run-command.js';
import { startEnvReads, testAgain, type EnvReads } from '../../orchestrate/test-again.js';
import { readEnvState } from '../../orchestrate/env-state.js';
import { selectTarget } from '../../targets/select.js';
import type { ClusterTarget } from '../../targets/types.js';
import { sessionTarget } from '../target-session.js';
import type { CliIo } from '../io.js';
import type { Shard } from '../../plan/shard.js';
import { afterRun, afterThrow } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { runExitCode, upSummary } from '../up-summary.js';
import { suiteClusters, type SuiteCluster } from '../suite-clusters.js';
import { suiteLiveTarget } from '../../orchestrate/executors/suite-test-target.js';
import type { Session } from '../session.js';
import { keepReadAhead } from '../read-ahead.js';

/** Runs `tarmac test`. */
export async function testCommand(
  opts: SessionOptions & { shard?: Shard; wait?: boolean; suite?: string },
  io: CliIo,
): Promise<number> {
  let clusters: SuiteCluster[] = [];
  // An unknown suite is a usage error: found before the lock, engine and journal.
  const usageChecks = (env: Session['env']) => {
    if (opts.suite !== undefined) clusters = suiteClusters(env, opts.suite).clusters;
  };
  // The env's health and endpoints are read from the moment the engine is known, beside reconcile and the journal's
  // setup (issue 16); a suite's clusters are read in testAgain.
  let early: { target: ClusterTarget; reads: EnvReads } | undefined;
  const engineReady: SessionOptions['engineReady'] = (ready) => {
    if (opts.suite !== undefined || !readEnvState(ready.env.stateDir)) return;
    try {
      const { target } = selectTarget(ready.env, {
        runner: runCommand,
        engine: ready.engine,
        processEnv: io.env,
        runId: ready.bus.runId,
        lifetime: ready.lifetime,
        notify: (message) => ready.bus.emit({ type: 'decision', message }),
      });
      early = { target, reads: startEnvReads(target, ready.signal) };
    } catch {
      // No target for this env (e.g. kind not installed): sessionTarget below says so as always.
    }
  };
  const session = await openSession(
    { ...opts, lock: { wait: opts.wait !== false }, usageChecks, engineReady },
    io,
    'test',
  );
  // A failed suite test is triaged against the suite's own clusters (the file's env may have none).
  const triageOn = clusters[0] ? { triageEnvs: clusters.map((c) => c.env) } : {};
  try {
    const tested =
      opts.suite === undefined
        ? early
          ? { env: session.env, target: early.target, reads: early.reads }
          : { env: session.env, target: sessionTarget(session, io).target }
        : {
            // The suite's first cluster's Env carries its test and the state its up wrote.
            env: clusters[0]!.env,
            target: suiteLiveTarget(
              clusters.map((c) => ({ name: c.name, target: sessionTarget(session, io, c.env).target })),
            ),
            suite: opts.suite,
          };
    const started = Date.now();
    const result = await testAgain({
      ...tested,
      engine: session.engine,
      runner: runCommand,
      bus: session.bus,
      signal: session.root.signal,
      processEnv: io.env,
      ...(opts.shard ? { shard: opts.shard } : {}),
    });
    // The env's first read, for the next `tarmac test` to start before its CLI loads.
    if (early) keepReadAhead(session.env, session.engine, early.target);
    session.close();
    // Built from the run's errors, which did not pass the bus: redacted here.
    io.stdout.write(
      session.redact(
        upSummary(
          {
            summary: result.summary,
            events: session.bus.history,
            ...(result.test ? { test: result.test } : {}),
            durationMs: Date.now() - started,
          },
          session.view.colors,
        ).replace(/^up: /, 'test: '),
      ),
    );
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json), ...triageOn });
    return runExitCode(result.summary);
  } catch (error) {
    // A failure that escaped the run (e.g. a cluster error) is triaged too; cli/main renders it once.
    await afterThrow({ session, io, json: Boolean(opts.json), error, ...triageOn });
    throw error;
  } finally {
    session.close();
  }
}
