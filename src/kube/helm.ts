// `helm template` of a deploy group's chart through the injected CommandRunner (argv, never a shell). The flags
// used exist in Helm 3 (3.1 on) and Helm 4: template, --include-crds, --namespace, --values, --set, --set-string.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HelmChartSpec } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { describeFailure } from '../exec/describe.js';
import type { CommandResult, CommandRunner } from '../exec/types.js';

const HELM_TIMEOUT_MS = 60_000;

export interface HelmRenderRequest {
  group: string;
  chart: HelmChartSpec;
  /** The chart path as shown in messages (relative to tarmac.yaml). */
  shown: string;
  namespace?: string;
  signal?: AbortSignal;
}

/** The YAML `helm template` prints for the chart; HELM_NOT_FOUND (exit 3) or HELM_TEMPLATE_FAILED (exit 2). */
export async function renderHelmChart(runner: CommandRunner, request: HelmRenderRequest): Promise<string> {
  const { chart } = request;
  // Inline values go through a private file: --set would re-parse them (commas, dots, types).
  const inline =
    Object.keys(chart.values).length > 0
      ? join(tmpdir(), `tarmac-helm-values-${randomBytes(6).toString('hex')}.json`)
      : undefined;
  try {
    if (inline !== undefined) await writeFile(inline, JSON.stringify(chart.values), { mode: 0o600 });
    const result = await runner('helm', helmTemplateArgs(chart, request.namespace, inline), {
      timeoutMs: HELM_TIMEOUT_MS,
      tailLines: 20,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (result.ok) return result.stdout;
    if (result.spawnError !== undefined) {
      throw new TarmacError(
        'HELM_NOT_FOUND',
        `deploy group ${request.group} names the Helm chart ${request.shown}, but helm could not start (${result.spawnError})`,
        {
          exitCode: ExitCode.environment,
          hint: 'Install Helm 3 or 4 (https://helm.sh/docs/intro/install/) and put `helm` on PATH; tarmac runs `helm template` to render the chart.',
        },
      );
    }
    throw new TarmacError(
      'HELM_TEMPLATE_FAILED',
      `deploy group ${request.group}: helm template of chart ${request.shown} failed: ${helmError(result)}`,
      {
        exitCode: ExitCode.usage,
        details: [result.command, ...result.tail.slice(-10)],
        hint: "helm's message names the template and its line; fix the chart, or the values given to it in tarmac.yaml.",
      },
    );
  } finally {
    if (inline !== undefined) await rm(inline, { force: true });
  }
}

/** The argv after `helm`: values files first, then the inline values file, then the `set` pairs (last wins). */
export function helmTemplateArgs(chart: HelmChartSpec, namespace: string | undefined, inlineValues?: string): string[] {
  const args = ['template', chart.release, chart.chart, '--include-crds'];
  if (namespace !== undefined) args.push('--namespace', namespace);
  for (const file of chart.valuesFiles) args.push('--values', file);
  if (inlineValues !== undefined) args.push('--values', inlineValues);
  for (const [key, value] of Object.entries(chart.set)) {
    // --set-string keeps "true" or "0123" a string; helm splits on unescaped commas and reads backslashes.
    if (typeof value === 'string') args.push('--set-string', `${key}=${value.replace(/[\\,]/g, '\\$&')}`);
    else args.push('--set', `${key}=${String(value)}`);
  }
  return args;
}

// helm prints `Error: <what>` (e.g. `parse error at (web/templates/x.yaml:2): ...`); without one (killed, timed
// out), what happened to the process.
function helmError(result: CommandResult): string {
  const error = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('Error:'));
  return error !== undefined ? error.replace(/^Error:\s*/, '') : describeFailure(result);
}
