// Reads a saved triage.json back (report, CI output): validated with zod, so a malformed file is a warning that
// names it, never a crash further down.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TriageResult } from './types.js';

const verdict = z.object({
  ruleId: z.string(),
  title: z.string(),
  confidence: z.number(),
  summary: z.string(),
  evidence: z.array(z.string()),
  actions: z.array(z.string()),
});

const triageSchema = z.object({
  runId: z.string().optional(),
  generatedAt: z.number(),
  durationMs: z.number(),
  status: z.array(
    z.object({
      component: z.string(),
      status: z.enum(['ok', 'degraded', 'down', 'absent', 'unknown']),
      evidence: z.string(),
    }),
  ),
  verdicts: z.array(verdict),
  unclassified: z
    .object({
      summary: z.string(),
      abnormal: z.array(z.string()),
      resembles: z
        .object({ url: z.string(), category: z.string(), cause: z.string(), similarity: z.number() })
        .optional(),
    })
    .optional(),
  collectors: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      timedOut: z.boolean(),
      durationMs: z.number(),
      error: z.string().optional(),
    }),
  ),
});

// Why: the schema must accept every TriageResult triage writes; a field added there must be added here.
const writtenIsReadable: z.input<typeof triageSchema> extends infer S
  ? TriageResult extends S
    ? true
    : false
  : never = true;
void writtenIsReadable;

/** The triage of `file`: absent when there is no file; a warning naming the file when it is not a valid triage. */
export function readTriageFile(file: string): { triage?: TriageResult; warning?: string } {
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return {
      warning: `${file} is not readable JSON (${err instanceof Error ? err.message : String(err)}); the triage is left out`,
    };
  }
  const result = triageSchema.safeParse(value);
  if (result.success) return { triage: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { warning: `${file} is not a valid triage${where}: ${issue?.message ?? 'invalid'}; the triage is left out` };
}
