// The journal protocol: one JSON object per line, `{ "v": 1, ...event }` (written by line.ts). The zod schema below
// is what the reader accepts; the type checks at the end keep it and TarmacEvent (src/events/types.ts) the same shape.
import { z } from 'zod';
import { ERROR_CODE_NAMES } from '../errors/codes.js';
import { JOURNAL_PROTOCOL_VERSION, type TarmacEvent } from '../events/types.js';

// Built on first use, not at load: the schemas take about 6 ms to build, and most commands never read a journal back
// (issue 16: every run command's start loaded this file through reconcile's and history's rarely used readers).
function buildSchemas() {
  const stepKind = z.enum(['build', 'cluster', 'deliver', 'deploy', 'hook', 'test']);
  const claims = z.object({ engine: z.number() });
  const base = { at: z.number(), runId: z.string() };

  const probeFact = z.object({ ok: z.boolean(), timedOut: z.boolean(), durationMs: z.number(), detail: z.string() });

  const workloadFact = z.object({
    workload: z.string(),
    state: z.enum(['waiting', 'failed']),
    reason: z.string(),
    pod: z.string().optional(),
    exitCode: z.number().optional(),
  });

  const errorFact = z.discriminatedUnion('type', [
    z.object({ type: z.literal('workloads'), workloads: z.array(workloadFact) }),
    z.object({
      type: z.literal('build'),
      instruction: z.string().optional(),
      exitCode: z.number().optional(),
      signal: z.string().optional(),
      timedOut: z.boolean(),
    }),
    z.object({ type: z.literal('image-pull'), ref: z.string() }),
    z.object({ type: z.literal('registry'), host: z.string() }),
    z.object({ type: z.literal('other-checkout'), what: z.string(), checkout: z.string().optional() }),
  ]);

  const eventError = z.object({
    code: z.enum(ERROR_CODE_NAMES),
    message: z.string(),
    hint: z.string().optional(),
    tail: z.array(z.string()).optional(),
    probe: probeFact.optional(),
    fact: errorFact.optional(),
  });

  const incidentCause = z.discriminatedUnion('type', [
    z.object({ type: z.literal('engine-error'), code: z.enum(ERROR_CODE_NAMES), engineLine: z.string().optional() }),
    z.object({ type: z.literal('engine-probe'), probe: probeFact }),
    z.object({ type: z.literal('abandoned'), runId: z.string(), pid: z.number(), command: z.string() }),
  ]);

  const runStep = z.object({
    id: z.string(),
    kind: stepKind,
    subject: z.string(),
    deps: z.array(z.string()),
    claims,
    cached: z.boolean(),
    estimateMs: z.number().optional(),
    priority: z.number().optional(),
    estimateLearned: z.literal(true).optional(),
    after: z.array(z.string()).optional(),
    suite: z.string().optional(),
  });

  const testCase = z.object({
    id: z.string(),
    status: z.enum(['passed', 'failed', 'error', 'skipped']),
    timeMs: z.number(),
    message: z.string().optional(),
  });

  const running = z.object({ stepId: z.string(), elapsedMs: z.number(), lastLine: z.string().optional() });

  /** Every event a journal line may hold (without the `v` field). */
  const eventSchema = z.discriminatedUnion('type', [
    z.object({
      ...base,
      type: z.literal('run.started'),
      command: z.string(),
      capacity: z.number(),
      steps: z.array(runStep),
      target: z.enum(['podman', 'kind', 'none']),
      engine: z.object({ type: z.enum(['podman', 'docker']), endpoint: z.string() }),
    }),
    z.object({ ...base, type: z.literal('step.started'), stepId: z.string(), claims, attempt: z.number() }),
    z.object({ ...base, type: z.literal('step.output'), stepId: z.string(), line: z.string() }),
    z.object({
      ...base,
      type: z.literal('step.heartbeat'),
      stepId: z.string(),
      elapsedMs: z.number(),
      lastLine: z.string().optional(),
    }),
    z.object({
      ...base,
      type: z.literal('step.finished'),
      stepId: z.string(),
      state: z.enum(['succeeded', 'cached', 'failed', 'skipped', 'cancelled']),
      durationMs: z.number(),
      detail: z.string().optional(),
      error: eventError.optional(),
    }),
    z.object({
      ...base,
      type: z.literal('resource'),
      name: z.literal('engine'),
      capacity: z.number(),
      inUse: z.number(),
    }),
    z.object({
      ...base,
      type: z.literal('suite.memory'),
      suite: z.string(),
      peakBytes: z.number(),
      samples: z.number(),
    }),
    z.object({ ...base, type: z.literal('decision'), message: z.string() }),
    z.object({
      ...base,
      type: z.literal('probe'),
      target: z.literal('engine'),
      ok: z.boolean(),
      detail: z.string(),
      durationMs: z.number(),
      stepId: z.string().optional(),
    }),
    z.object({
      ...base,
      type: z.literal('incident'),
      kind: z.enum(['engine-crash', 'engine-lost', 'reconciled']),
      cause: incidentCause,
      message: z.string(),
      evidence: z.array(z.string()),
      stepIds: z.array(z.string()),
      action: z.string(),
    }),
    z.object({
      ...base,
      type: z.literal('tests.reported'),
      stepId: z.string(),
      inputs: z.string(),
      exitCode: z.number(),
      totals: z.object({
        tests: z.number(),
        passed: z.number(),
        failed: z.number(),
        skipped: z.number(),
        errors: z.number(),
      }),
      cases: z.array(testCase),
    }),
    z.object({ ...base, type: z.literal('run.heartbeat'), running: z.array(running) }),
    z.object({
      ...base,
      type: z.literal('run.finished'),
      outcome: z.enum(['succeeded', 'failed', 'cancelled']),
      durationMs: z.number(),
      abandoned: z.boolean().optional(),
    }),
  ]);

  /** One journal line: the protocol version and the event. */
  const lineSchema = z.intersection(z.object({ v: z.literal(JOURNAL_PROTOCOL_VERSION) }), eventSchema);
  return { eventSchema, lineSchema };
}

let built: ReturnType<typeof buildSchemas> | undefined;

/** The schema of one journal line (the protocol version and the event), built on first use. */
export function lineSchema(): ReturnType<typeof buildSchemas>['lineSchema'] {
  built ??= buildSchemas();
  return built.lineSchema;
}

// Why: a field added to TarmacEvent but not here (or the reverse) must fail `tsc`, not a journal read.
type Parsed = z.infer<ReturnType<typeof buildSchemas>['eventSchema']>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesEvents: Same<Parsed, TarmacEvent> = true;
void schemaMatchesEvents;
