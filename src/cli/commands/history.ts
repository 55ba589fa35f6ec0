// `tarmac history`: the env's recent runs: when, command, outcome, setup time, tests, incidents (and the suites a
// suites run covered); `--suite X`: only the runs that covered suite X.
import { recentRuns, type RunRow } from '../../history/query.js';
import { durationText, incidentsText, outcomeText, suitesText, testsText, whenText } from '../../history/format.js';
import { table } from '../../ui/text-table.js';
import { safeText } from '../../ui/safe-text.js';
import { noHistoryText, withHistory } from '../../history/read-history.js';
import { readRunOwner } from '../../reconcile/owner.js';
import { liveness, systemProcessProbe } from '../../reconcile/liveness.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';
import { chosenSuites } from '../suite-choice.js';

export interface HistoryOptions {
  file?: string;
  limit?: number;
  json?: boolean;
  /** `--suite X`: only the runs that covered suite X (a suite of the file: UNKNOWN_SUITE otherwise). */
  suite?: string;
}

/** Prints recent runs, newest first; exit 0 (also when nothing is recorded yet). */
export async function historyCommand(opts: HistoryOptions, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suite = opts.suite === undefined ? undefined : chosenSuites(env, [opts.suite])[0];
  const runs = withHistory(env.historyPath, (db) => recentRuns(db, env.name, opts.limit ?? 20, suite)) ?? [];
  const probe = systemProcessProbe();
  // A run without an end is running only while its tarmac lives; the next run of the env marks it abandoned.
  const state = (run: RunRow): 'running' | 'dead' => {
    const owner = run.outcome === null && !run.abandoned ? readRunOwner(`${env.stateDir}/runs/${run.id}`) : undefined;
    return owner && liveness(owner, probe).state !== 'dead' ? 'running' : 'dead';
  };
  if (opts.json) {
    const out = runs.map((r) => ({ ...r, status: outcomeText(r, state(r)) }));
    const filter = suite === undefined ? {} : { suite };
    io.stdout.write(`${JSON.stringify({ env: env.name, history: env.historyPath, ...filter, runs: out }, null, 2)}\n`);
    return 0;
  }
  if (runs.length === 0) {
    io.stdout.write(
      safeText(noHistoryText(env.historyPath, suite === undefined ? env.name : `suite ${suite} of ${env.name}`)),
    );
    return 0;
  }
  // The suites column only when a listed run had suites: a single-env project's table stays as it was.
  const withSuites = runs.some((r) => r.suites.length > 0);
  const rows = runs.map((r) => [
    whenText(r.started),
    r.command ?? '?',
    ...(withSuites ? [suitesText(r.suites)] : []),
    outcomeText(r, state(r)),
    durationText(r.setupMs),
    durationText(r.finished === null ? null : r.finished - r.started),
    testsText(r.tests),
    incidentsText(r.incidents),
    r.id,
  ]);
  io.stdout.write(historyText(env, rows, { withSuites, ...(suite === undefined ? {} : { suite }) }));
  return 0;
}

/**
 * The runs under a heading; the table escapes its cells, the heading's name and path (from config) are escaped.
 * `withSuites`: the rows carry a suites cell after the command.
 */
export function historyText(
  env: { name: string; historyPath: string },
  rows: readonly string[][],
  opts: { withSuites?: boolean; suite?: string } = {},
): string {
  const of = opts.suite === undefined ? '' : ` of suite ${safeText(opts.suite)}`;
  const heading = `${safeText(env.name)}: last ${rows.length} run${rows.length === 1 ? '' : 's'}${of} (${safeText(env.historyPath)})`;
  const columns = ['when', 'command', ...(opts.withSuites ? ['suites'] : []), 'outcome', 'setup', 'total', 'tests'];
  return `${heading}\n${table([...columns, 'incidents', 'run'], rows)}\n`;
}
