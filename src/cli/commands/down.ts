// `tarmac down`: removes what tarmac created for this env, and says what it left alone.
import { clearEnvState } from '../../orchestrate/env-state.js';
import type { CliIo } from '../io.js';
import { openTarget } from '../target-session.js';

/** Runs `tarmac down`. */
export async function downCommand(opts: { file?: string; json?: boolean }, io: CliIo): Promise<number> {
  const { env, target } = await openTarget(opts, io);
  const report = await target.down();
  clearEnvState(env.stateDir);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines =
    report.removed.length > 0 ? report.removed.map((r) => `removed ${r}`) : [`nothing of ${env.name} was up`];
  for (const kept of report.keptForeign) lines.push(`left alone (not created by tarmac): ${kept}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
