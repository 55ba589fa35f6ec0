// `tarmac up --suite a,b` / `--all`: the chosen suites side by side, then the suites table, per-suite triage of
// the failed ones, the run's report and CI output; exit 1 when only tests failed, 4 when a step failed.
import { runCommand } from '../../exec/run-command.js';
import { checkSuites, upSuites } from '../../orchestrate/up-suites.js';
import type { Env } from '../../config/types.js';
import { engineHealer } from '../../orchestrate/recovery-heal.js';
import { selectTarget } from '../../targets/select.js';
import { tarmacVersion } from '../../version.js';
import type { CliIo } from '../io.js';
import { afterThrow } from '../after-run.js';
import { ciStage } from '../ci-stage.js';
import { openSession } from '../session.js';
import { sessionTarget } from '../target-session.js';
import { chosenSuites } from '../suite-choice.js';
import { runExitCode } from '../up-summary.js';
import { suitesSummary } from '../suites-summary.js';
import { ciOptions, type UpCommandOptions } from './up.js';
import { suiteShards, type SuiteShards } from '../suite-shards.js';

export interface UpSuitesCommandOptions extends UpCommandOptions {
  /** `--suite a,b`. */
  suite?: string[];
  /** `--all`. */
  all?: boolean;
  /** `--fail-fast`: the first failure stops the run. */
  failFast?: boolean;
}

/** Runs `tarmac up --suite/--all` and returns its exit code. */
export async function upSuitesCommand(opts: UpSuitesCommandOptions, io: CliIo): Promise<number> {
  let suites: string[] = [];
  let shards: SuiteShards['shards'] = new Map();
  let ci: Awaited<ReturnType<typeof ciOptions>> = {};
  // Unknown suites, shards that mean nothing and what a suites run refuses are usage errors: found before the
  // lock, engine and journal.
  const usageChecks = async (env: Env) => {
    const chosen = suiteShards(opts.all ? [] : (opts.suite ?? []), {
      ...(opts.shard ? { shard: opts.shard } : {}),
      ...(opts.all ? { all: true } : {}),
    });
    shards = chosen.shards;
    suites = chosenSuites(env, chosen.names);
    checkSuites(env, suites);
    ci = await ciOptions(opts, env, io.cwd, io.env);
  };
  const session = await openSession(
    { ...opts, diskCheck: true, lock: { wait: opts.wait !== false }, usageChecks },
    io,
    'up',
  );
  try {
    const { target, why } = sessionTarget(session, io);
    session.bus.emit({
      type: 'decision',
      message: `target: ${why}; engine: ${session.engine.name}; suites: ${suites.join(', ')}`,
    });
    const result = await upSuites({
      env: session.env,
      engine: session.engine,
      suites,
      targetType: target.type,
      targetFor: (env) =>
        selectTarget(env, {
          runner: runCommand,
          engine: session.engine,
          processEnv: io.env,
          runId: session.bus.runId,
          lifetime: session.lifetime,
          notify: (message) => session.bus.emit({ type: 'decision', message }),
        }).target,
      runner: runCommand,
      bus: session.bus,
      signal: session.root.signal,
      version: tarmacVersion(),
      processEnv: io.env,
      withTest: opts.test !== false,
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      ...(opts.failFast ? { failFast: true } : {}),
      ...(ci.pullOnly ? { pullOnly: true } : {}),
      ...(ci.refs ? { refs: ci.refs } : {}),
      shards,
      hostGate: session.hostGate,
      durations: session.durations,
      ...(opts.heal ? { heal: engineHealer(session.engine) } : {}),
    });
    session.close();
    const outcome = result.summary.outcome;
    const input = { session, outcome, io, json: Boolean(opts.json) } as const;
    // Each failed suite is triaged against its own cluster (the run's env has none of its own).
    const verdicts =
      outcome === 'failed'
        ? await (await import('../suite-triage.js')).triageSuites(session, io, result.suites)
        : new Map<string, string>();
    const text = session.redact(suitesSummary({ ...result, verdicts }));
    if (opts.json)
      io.stdout.write(
        `${JSON.stringify(
          {
            runId: session.bus.runId,
            outcome,
            images: Object.fromEntries(result.refs),
            journal: session.journal.dir,
            junit: result.junit,
            suites: result.suites.map((s) => ({
              name: s.name,
              clusters: s.clusters,
              setup: s.setup,
              outcome: s.outcome,
              tests: s.tests?.report?.totals,
              verdict: verdicts.get(s.name),
              failure: s.failure,
              dir: s.dir,
            })),
            waits: result.waits.map((w) => ({ suite: w.suite, after: w.after, reason: w.reason })),
          },
          null,
          2,
        )}\n`,
      );
    else io.stdout.write(text);
    if (outcome === 'failed') (await import('../report-stage.js')).reportStage(input);
    await ciStage(input);
    return runExitCode(result.summary);
  } catch (error) {
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    session.close();
  }
}
