// The closing summary of `tarmac build`: counts, then every failure with its evidence and hint.
import type { BuildImagesResult } from '../orchestrate/build-images.js';
import type { Colors } from '../ui/colors.js';
import { formatDuration } from '../config/duration.js';

/** Human summary printed after the view. */
export function buildSummary(result: BuildImagesResult, c: Colors): string {
  const { summary } = result;
  const count = (state: string) => [...summary.states.values()].filter((s) => s === state).length;
  const parts = [`${count('succeeded')} built`, `${count('cached')} cached`];
  for (const state of ['failed', 'skipped', 'cancelled']) if (count(state) > 0) parts.push(`${count(state)} ${state}`);
  const lines = [`${result.images.length} images: ${parts.join(', ')} in ${formatDuration(result.durationMs)}`];
  for (const [stepId, err] of summary.errors) {
    lines.push('', `${c.red(`✗ ${stepId}`)} ${c.red(`[${err.code}]`)} ${err.message}`);
    for (const d of err.details) lines.push(c.dim(`  | ${d}`));
    if (err.hint) lines.push(`  ${c.bold('hint')}: ${err.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Machine-readable result for --json. */
export function buildJson(runId: string, result: BuildImagesResult): Record<string, unknown> {
  const { summary } = result;
  return {
    runId,
    outcome: summary.outcome,
    durationMs: result.durationMs,
    images: result.images.map((image) => {
      const stepId = `build:${image.name}`;
      const err = summary.errors.get(stepId);
      return {
        name: image.name,
        ref: image.ref,
        state: summary.states.get(stepId),
        ...(err ? { error: err.toJSON() } : {}),
      };
    }),
  };
}
