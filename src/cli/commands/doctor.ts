// `tarmac doctor`: the infrastructure status table and any verdicts, without a run; exit 3 when not healthy.
// `--suite NAME`: one table per cluster of that suite (each its own env: its kind cluster or podman pods).
import { runCommand } from '../../exec/run-command.js';
import { ExitCode } from '../../errors/errors.js';
import { makeRedactor } from '../../redact/redactor.js';
import { secretValues } from '../../redact/env-secrets.js';
import { unhealthyRows } from '../../triage/status-table.js';
import { statusLines } from '../../triage/render-text.js';
import { triageRun } from '../../triage/triage-run.js';
import type { TriageResult } from '../../triage/types.js';
import { colorsFor, type Colors } from '../../ui/colors.js';
import { safeDeep, safeText } from '../../ui/safe-text.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';
import { rootSignal } from '../signals.js';
import { engineForTriage } from '../triage-engine.js';
import { suiteClusters } from '../suite-clusters.js';
import type { Env } from '../../config/types.js';

/** Runs `tarmac doctor`; 0 when healthy, 3 when a component is down or degraded or a rule matched. */
export async function doctorCommand(
  opts: { file?: string; json?: boolean; suite?: string },
  io: CliIo,
): Promise<number> {
  // `--suite` needs a tarmac.yaml (found as the other commands find it); doctor alone works without one.
  const env =
    opts.suite === undefined
      ? (await loadCommandConfig(opts, io.cwd, 'if-present'))?.env
      : (await loadCommandConfig(opts, io.cwd)).env;
  // An unknown suite is a usage error, found before the engine is asked anything.
  const clusters = opts.suite === undefined || !env ? undefined : suiteClusters(env, opts.suite).clusters;
  const root = rootSignal(() => undefined);
  try {
    const engine = await engineForTriage(env?.engine ?? { type: 'auto' }, runCommand, io.env);
    const examine = async (target: Env | undefined) => {
      const result = await triageRun({
        ...(target ? { env: target } : {}),
        ...(engine ? { engine } : {}),
        runner: runCommand,
        signal: root.signal,
        processEnv: io.env,
        redact: makeRedactor(secretValues(env, io.env)),
      });
      return { result, healthy: unhealthyRows(result.status).length === 0 && result.verdicts.length === 0 };
    };
    const colors = colorsFor(Boolean(io.stdout.isTTY), io.env);
    if (clusters) {
      // One cluster after another: each examination already asks the engine several things at once.
      const examined = [];
      for (const c of clusters) examined.push({ cluster: c.name, env: c.env.name, ...(await examine(c.env)) });
      const healthy = examined.every((e) => e.healthy);
      if (opts.json) {
        const out = examined.map((e) => ({ cluster: e.cluster, env: e.env, healthy: e.healthy, ...e.result }));
        io.stdout.write(`${JSON.stringify({ healthy, env: env!.name, suite: opts.suite, clusters: out }, null, 2)}\n`);
      } else for (const e of examined) io.stdout.write(doctorText(e.result, e.healthy, e.env, colors));
      return healthy ? ExitCode.ok : ExitCode.environment;
    }
    const { result, healthy } = await examine(env);
    if (opts.json) io.stdout.write(`${JSON.stringify({ healthy, env: env?.name ?? null, ...result }, null, 2)}\n`);
    else io.stdout.write(doctorText(result, healthy, env?.name, colors));
    return healthy ? ExitCode.ok : ExitCode.environment;
  } finally {
    root.dispose();
  }
}

/** The table, then the verdicts, or the verdict that all is well. */
export function doctorText(triaged: TriageResult, healthy: boolean, envName: string | undefined, c: Colors): string {
  // Evidence, verdicts and actions quote tool output and config: escaped before tarmac adds its colours.
  const result = safeDeep(triaged);
  const out = [
    c.dim(envName ? `env ${safeText(envName)}` : 'no tarmac.yaml here: engine, machine, disk and memory only'),
    ...statusLines(result.status, c),
    '',
  ];
  for (const v of result.verdicts) {
    out.push(
      `${c.bold('verdict:')} ${c.red(v.title)} ${c.dim(`(confidence ${Math.round(v.confidence * 100)}%)`)}`,
      `  ${v.summary}`,
    );
    out.push(...v.evidence.slice(0, 5).map((e) => `    - ${e}`), ...v.actions.map((a) => `    ${c.cyan(a)}`));
  }
  out.push(
    healthy
      ? c.green('healthy')
      : c.red(
          `not healthy: ${
            unhealthyRows(result.status)
              .map((r) => r.component)
              .join(', ') || 'see the verdicts above'
          }`,
        ),
  );
  return `${out.join('\n')}\n`;
}
