import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
const verdict = z.object({
  ruleId: z.string(),
  title: z.string(),
  confidence: z.number(),
  summary: z.string(),
  evidence: z.array(z.string()),
  actions: z.array(z.string())
});
const triageSchema = z.object({
  runId: z.string().optional(),
  generatedAt: z.number(),
  durationMs: z.number(),
  status: z.array(
    z.object({
      component: z.string(),
      status: z.enum(["ok", "degraded", "down", "absent", "unknown"]),
      evidence: z.string()
    })
  ),
  verdicts: z.array(verdict),
  unclassified: z.object({ summary: z.string(), abnormal: z.array(z.string()) }).optional(),
  collectors: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      timedOut: z.boolean(),
      durationMs: z.number(),
      error: z.string().optional()
    })
  )
});
const writtenIsReadable = true;
void writtenIsReadable;
function readTriageFile(file) {
  if (!existsSync(file)) return {};
  let value;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    return {
      warning: `${file} is not readable JSON (${err instanceof Error ? err.message : String(err)}); the triage is left out`
    };
  }
  const result = triageSchema.safeParse(value);
  if (result.success) return { triage: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  return { warning: `${file} is not a valid triage${where}: ${issue?.message ?? "invalid"}; the triage is left out` };
}
export {
  readTriageFile
};
//# sourceMappingURL=triage-file.js.map
