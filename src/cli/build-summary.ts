// The closing summary of `tarmac build`: counts, then every failure with its evidence and hint.
import type { BuildImagesResult } from '../orchestrate/build-images.js';
import type { Colors } from '../ui/colors.js';
import { safeText } from '../ui/safe-text.js';
import { errorLines } from './render-error.js';
import { formatDuration } from '../config/duration.js';

/** Human summary printed after the view. */
export function buildSummary(result: BuildImagesResult, c: Colors): string {
  const { summary } = result;
  const count = (state: string) => [...summary.states.values()].filter((s) => s === state).length;
  const parts = [`${count('succeeded')} built`, `${count('cached')} cached`];
  for (const state of ['failed', 'skipped', 'cancelled']) if (count(state) > 0) parts.push(`${count(state)} ${state}`);
  const lines = [`${result.images.length} images: ${parts.join(', ')} in ${formatDuration(result.durationMs)}`];
  // Step ids hold config names; errorLines escapes the messages: outside text cannot drive the terminal.
  for (const [stepId, err] of summary.errors)
    lines.push('', ...errorLines(`${c.red(`✗ ${safeText(stepId)}`)} ${c.red(`[${err.code}]`)} `, err, c));
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
