// PURE: which containers `tarmac logs [WORKLOAD]` shows, and the prefix that tells their lines apart.
import { didYouMean } from '../plan/did-you-mean.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { LogSource } from '../targets/types.js';

/** The workload's name as `tarmac logs` accepts it: `name`, or `namespace/name` on kind. */
function qualified(source: LogSource): string {
  return source.namespace ? `${source.namespace}/${source.workload}` : source.workload;
}

/** Every source without a workload, else that workload's (by name or namespace/name); LOGS_WORKLOAD_UNKNOWN otherwise. */
export function selectLogSources(sources: readonly LogSource[], workload?: string): LogSource[] {
  if (workload === undefined) return [...sources];
  const picked = sources.filter((s) => s.workload === workload || qualified(s) === workload);
  if (picked.length > 0) return picked;
  const known = [...new Set(sources.map((s) => s.workload))].sort();
  const guess = didYouMean(workload, known);
  throw new TarmacError('LOGS_WORKLOAD_UNKNOWN', `no workload named ${workload} runs in this env`, {
    exitCode: ExitCode.usage,
    hint:
      known.length === 0
        ? 'Nothing runs: `tarmac up` first.'
        : `${guess ? `Did you mean ${guess}? ` : ''}Known workloads: ${known.join(', ')}.`,
  });
}

/** `[pod/container] ` when lines of several containers interleave, else nothing. */
export function logPrefix(source: LogSource, all: readonly LogSource[]): string {
  if (all.length <= 1) return '';
  return `[${source.namespace && source.namespace !== 'default' ? `${source.namespace}/` : ''}${source.pod}/${source.container}] `;
}
