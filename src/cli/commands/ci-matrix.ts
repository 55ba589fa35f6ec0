// `tarmac ci matrix [--runners N]`: a GitHub Actions matrix of suites and test shards, balanced by the durations
// history learned (defaults where it has none). stdout is the matrix JSON alone, for `$GITHUB_OUTPUT`; the
// predicted job lengths go to stderr.
import { readLearnedDurations } from '../../history/expected.js';
import { durationText } from '../../history/format.js';
import { ciMatrix } from '../../plan/ci-matrix.js';
import { suiteCosts } from '../../plan/suites-predict.js';
import { table } from '../../ui/text-table.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';
import { chosenSuites } from '../suite-choice.js';

export interface CiMatrixOptions {
  file?: string;
  runners?: number;
  suite?: string[];
}

/** Prints the matrix; exit 0. */
export async function ciMatrixCommand(opts: CiMatrixOptions, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suites = chosenSuites(env, opts.suite);
  const durations = new Map(Object.entries(readLearnedDurations(env.historyPath, env.name)));
  // CI runners create kind clusters; a file pinned to the podman target keeps it.
  const target = env.cluster.target === 'podman' ? 'podman' : 'kind';
  const costs = suiteCosts(env, { suites, target, withTest: true, durations });
  const matrix = ciMatrix(costs, opts.runners ?? 4);
  io.stdout.write(`${JSON.stringify({ include: matrix.include })}\n`);
  io.stderr.write(
    `${table(
      ['job', 'suites', 'predicted'],
      matrix.include.map((j) => [j.name, j.suites, durationText(j.predictedMs)]),
    )}\nlongest job ${matrix.balance.toFixed(2)}x the mean; estimates from ${durations.size > 0 ? `${env.historyPath}, else defaults` : 'defaults (no history yet)'}\n`,
  );
  return 0;
}
