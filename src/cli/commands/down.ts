// `tarmac down`: removes what tarmac created for this env, and says what it left alone.
import { clearEnvState } from '../../orchestrate/env-state.js';
import type { DownReport } from '../../targets/types.js';
import { safeText } from '../../ui/safe-text.js';
import type { CliIo } from '../io.js';
import { lockEnv } from '../env-lock.js';
import { rootSignal } from '../signals.js';
import { envTarget } from '../target-session.js';
import { loadCommandConfig } from '../load-config.js';

/** Runs `tarmac down`. */
export async function downCommand(opts: { file?: string; json?: boolean; wait?: boolean }, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const root = rootSignal((name) => void io.stderr.write(`\n${name}: cancelling\n`));
  const report = await (async () => {
    // A down never pulls an env from under a running up or test: it waits for them like they wait for each other.
    // The lock comes before the engine is asked anything, so `--no-wait` refuses at once.
    const { release: unlock } = await lockEnv(env, 'down', opts.wait !== false, root.signal, io).finally(() =>
      root.dispose(),
    );
    try {
      // Every suite's env first (each cluster of each suite, whether or not the last up ran it), so the file's own
      // env does not list the suites' pods as look-alikes it leaves alone.
      const { target, suites } = await envTarget(env, io);
      const removed: DownReport = { removed: [], keptForeign: [] };
      // Side by side: each suite cluster is its own network or cluster, and stopping pods waits out their grace.
      const reports = await Promise.all(
        suites.map(async (suite) => {
          const report = await suite.target.down();
          clearEnvState(suite.env.stateDir);
          return report;
        }),
      );
      for (const report of reports) {
        removed.removed.push(...report.removed);
        removed.keptForeign.push(...report.keptForeign);
      }
      const own = await target.down();
      clearEnvState(env.stateDir);
      removed.removed.push(...own.removed);
      removed.keptForeign.push(...own.keptForeign);
      return removed;
    } finally {
      unlock();
    }
  })();
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(downText(env.name, report));
  return 0;
}

/** What down did, for people; the names come from the engine's and kind's listings: escaped. */
export function downText(envName: string, report: DownReport): string {
  const lines =
    report.removed.length > 0
      ? report.removed.map((r) => `removed ${safeText(r)}`)
      : [`nothing of ${safeText(envName)} was up`];
  for (const kept of report.keptForeign) lines.push(`left alone (not created by tarmac): ${safeText(kept)}`);
  return `${lines.join('\n')}\n`;
}
