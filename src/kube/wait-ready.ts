// Waits until every awaited workload of a deploy group is ready: polls its pods, classifies them, fails fast
// on a permanent problem, tolerates transient ones until the deadline, and says what changed as it goes.
import { formatDuration } from '../config/duration.js';
import { CancelledError, ExitCode, TarmacError, toTarmacError, type ErrorFact } from '../errors/errors.js';
import { expectationsFor } from './expected-pods.js';
import type { ConditionReading, PodView, RenderedGroup, WorkloadRef } from './types.js';
import { hintFor } from './verdict-hints.js';
import { systemWaitClock, type WaitClock } from './wait-clock.js';
import { waitsForCondition, workloadName, workloadStatuses, type WorkloadStatus } from './workload-status.js';

const DEFAULT_INTERVAL_MS = 2000;

export interface WaitReadyOptions {
  group: RenderedGroup;
  /** The group's current pods (the target's `pods`); a rejection counts as transient until the deadline. */
  pods: (signal: AbortSignal) => Promise<PodView[]>;
  deadlineMs: number;
  intervalMs?: number;
  signal: AbortSignal;
  clock?: WaitClock;
  output: (line: string) => void;
  /** Reads an object's status condition, for `wait` entries with a `condition` on kinds that run no pods. */
  condition?: (ref: WorkloadRef & { condition: string }, signal: AbortSignal) => Promise<ConditionReading>;
}

/** Resolves once every workload in `group.waitFor` has pods and all are ready; throws DEPLOY_FAILED or DEPLOY_TIMEOUT. */
export async function waitReady(opts: WaitReadyOptions): Promise<void> {
  const { group, signal, output } = opts;
  const clock = opts.clock ?? systemWaitClock;
  const start = clock.now();
  if (group.waitFor.length === 0) return output('no workloads to wait for');
  const expected = expectationsFor(
    group.waitFor,
    group.objects.map((o) => o.object),
  );
  const shown = new Map<string, string>();
  let statuses: WorkloadStatus[] = [];
  let listError: TarmacError | undefined;
  for (;;) {
    checkCancelled(signal, group.name);
    try {
      const [pods, conditions] = await Promise.all([opts.pods(signal), readConditions(opts, signal)]);
      listError = undefined;
      shown.delete('pods');
      statuses = workloadStatuses(group.waitFor, pods, expected, conditions);
    } catch (err) {
      checkCancelled(signal, group.name);
      listError = toTarmacError(err);
      say(shown, 'pods', `could not list pods, will retry: ${listError.message}`, output);
    }
    for (const status of statuses) say(shown, workloadName(status.ref), progressLine(status), output);
    const failed = statuses.find((s) => s.state === 'failed');
    if (failed) throw deployFailed(group.name, failed);
    if (statuses.length > 0 && statuses.every((s) => s.state === 'ready')) return;
    const elapsed = clock.now() - start;
    if (elapsed >= opts.deadlineMs) throw deployTimeout(group, statuses, opts.deadlineMs, listError);
    await clock.sleep(Math.min(opts.intervalMs ?? DEFAULT_INTERVAL_MS, opts.deadlineMs - elapsed), signal);
  }
}

// The conditions of the `wait` entries that name one, on kinds without pods; a target that cannot read them says so.
async function readConditions(opts: WaitReadyOptions, signal: AbortSignal): Promise<Map<string, ConditionReading>> {
  const readings = new Map<string, ConditionReading>();
  for (const ref of opts.group.waitFor.filter(waitsForCondition)) {
    const reading = opts.condition
      ? await opts.condition(ref, signal)
      : { status: 'Unknown' as const, detail: 'this target cannot read object conditions' };
    readings.set(`${ref.kind}/${ref.name}`, reading);
  }
  return readings;
}

// One line per change of a workload's state, reason or detail: never silent, never repeating itself.
function say(shown: Map<string, string>, key: string, line: string, output: (line: string) => void): void {
  if (shown.get(key) === line) return;
  shown.set(key, line);
  output(line);
}

function progressLine(s: WorkloadStatus): string {
  if (s.state === 'ready') return `${workloadName(s.ref)}: ready (${s.detail})`;
  return `${workloadName(s.ref)}: ${s.state === 'failed' ? 'failed: ' : ''}${s.reason} (${s.detail})`;
}

function deployFailed(group: string, s: WorkloadStatus): TarmacError {
  return new TarmacError(
    'DEPLOY_FAILED',
    `deploy ${group}: ${workloadName(s.ref)}: pod ${s.pod ?? '?'}: ${s.reason} (${s.detail})`,
    {
      exitCode: ExitCode.infrastructure,
      details: s.evidence,
      hint: `${capitalise(hintFor(s.reason))}.`,
      fact: workloadsFact([s]),
    },
  );
}

function deployTimeout(
  group: RenderedGroup,
  statuses: WorkloadStatus[],
  deadlineMs: number,
  listError: TarmacError | undefined,
): TarmacError {
  const pending = statuses.filter((s) => s.state !== 'ready');
  const why = pending.map((s) => `${workloadName(s.ref)}: ${s.reason} (${s.detail})`);
  if (listError) why.push(`the last pod listing failed: ${listError.message}`);
  const first = pending[0];
  return new TarmacError(
    'DEPLOY_TIMEOUT',
    `deploy ${group.name}: not ready after ${formatDuration(deadlineMs)}: ${why.join('; ')}`,
    {
      exitCode: ExitCode.infrastructure,
      details: pending.flatMap((s) => s.evidence.map((line) => `${workloadName(s.ref)}: ${line}`)),
      hint: `${first ? `${capitalise(hintFor(first.reason))}. ` : ''}If it only needs longer, raise \`timeouts.deploy\` in tarmac.yaml.`,
      fact: workloadsFact(pending),
      ...(listError ? { cause: listError } : {}),
    },
  );
}

// The not-ready workloads as the typed fact triage reads (the message says the same for people).
function workloadsFact(statuses: WorkloadStatus[]): ErrorFact {
  return {
    type: 'workloads',
    workloads: statuses.map((s) => ({
      workload: workloadName(s.ref),
      state: s.state === 'failed' ? 'failed' : 'waiting',
      reason: s.reason,
      ...(s.pod === undefined ? {} : { pod: s.pod }),
      ...(s.exitCode === undefined ? {} : { exitCode: s.exitCode }),
    })),
  };
}

function checkCancelled(signal: AbortSignal, group: string): void {
  if (!signal.aborted) return;
  // A watchdog aborts with its own typed reason (the step timeout); keep it.
  if (signal.reason instanceof TarmacError) throw signal.reason;
  throw new CancelledError(`deploy ${group}: cancelled while waiting for readiness`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
