// Builders for rule tests: real recorded journals (test/fixtures/triage/runs) and evidence shaped like the collectors'.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventError, IncidentCause, IncidentKind, TargetType, TarmacEvent } from '../events/types.js';
import { readJournal } from '../journal/reader.js';
import type { StepKind } from '../plan/types.js';
import type {
  ClusterFacts,
  CollectorRun,
  EngineFacts,
  Evidence,
  PodFacts,
  PortFacts,
  RunFacts,
  TriageInput,
} from './types.js';

const FIXTURES = new URL('../../test/fixtures/triage/runs/', import.meta.url).pathname;

/** A recorded run directory as RunFacts: its journal and the last 20 lines of every step log. */
export function recordedRun(name: string, env?: RunFacts['env']): RunFacts {
  const dir = join(FIXTURES, name);
  const events = readJournal(dir);
  const stepLogs: Record<string, string[]> = {};
  const steps = join(dir, 'steps');
  const ids = new Map<string, string>();
  for (const e of events)
    if (e.type === 'step.started') ids.set(`${e.stepId.replace(/[^a-zA-Z0-9._-]/g, '_')}.log`, e.stepId);
  if (existsSync(steps)) {
    for (const file of readdirSync(steps))
      stepLogs[ids.get(file) ?? file] = readFileSync(join(steps, file), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .slice(-20);
  }
  const runId = events[0]?.runId;
  return { ...(runId ? { runId } : {}), events, stepLogs, ...(env ? { env } : {}) };
}

const T0 = 1_795_898_672_000;
const RUN = '20261128-204431-test';

/** One step of a synthetic journal: how it ended and with which error (messages as tarmac's code writes them). */
export interface StepSpec {
  id: string;
  kind?: StepKind;
  state?: 'succeeded' | 'failed' | 'cached' | 'skipped';
  error?: EventError;
}

/** A journal: run.started with the steps, their step.finished, optional incidents and tests, run.finished. */
export function journal(
  steps: StepSpec[],
  extra: {
    incidents?: {
      kind: IncidentKind;
      message: string;
      cause?: IncidentCause;
      evidence?: string[];
      stepIds?: string[];
    }[];
    tests?: Extract<TarmacEvent, { type: 'tests.reported' }>['totals'] & {
      cases?: { id: string; status: 'passed' | 'failed' | 'error' | 'skipped'; message?: string }[];
      exitCode?: number;
    };
    command?: string;
    capacity?: number;
    target?: TargetType;
  } = {},
): TarmacEvent[] {
  let at = T0;
  const base = () => ({ at: (at += 100), runId: RUN });
  const events: TarmacEvent[] = [
    {
      ...base(),
      type: 'run.started',
      command: extra.command ?? 'up',
      capacity: extra.capacity ?? 2,
      target: extra.target ?? 'podman',
      engine: { type: 'podman', endpoint: '' },
      steps: steps.map((s) => ({
        id: s.id,
        kind: s.kind ?? (s.id.split(':')[0] as StepKind),
        subject: s.id.split(':')[1] ?? s.id,
        deps: [],
        claims: { engine: 1 },
        cached: false,
      })),
    },
  ];
  for (const i of extra.incidents ?? [])
    events.push({
      ...base(),
      type: 'incident',
      kind: i.kind,
      cause: i.cause ?? defaultCause(i.kind),
      message: i.message,
      evidence: i.evidence ?? [],
      stepIds: i.stepIds ?? [],
      action: 'recorded',
    });
  for (const s of steps) {
    const state = s.state ?? (s.error ? 'failed' : 'succeeded');
    events.push({
      ...base(),
      type: 'step.finished',
      stepId: s.id,
      state,
      durationMs: 100,
      ...(s.error ? { error: s.error } : {}),
    });
  }
  if (extra.tests) {
    const { cases = [], exitCode = 1, ...totals } = extra.tests;
    events.push({
      ...base(),
      type: 'tests.reported',
      stepId: 'test',
      inputs: 'x',
      exitCode,
      totals,
      cases: cases.map((c) => ({ ...c, timeMs: 5 })),
    });
  }
  const failed = events.some((e) => e.type === 'step.finished' && e.state === 'failed');
  events.push({ ...base(), type: 'run.finished', outcome: failed ? 'failed' : 'succeeded', durationMs: at - T0 });
  return events;
}

/** RunFacts from events (and optional step log tails). */
export function runOf(events: TarmacEvent[], env?: RunFacts['env'], stepLogs: Record<string, string[]> = {}): RunFacts {
  return { runId: RUN, events, stepLogs, ...(env ? { env } : {}) };
}

/** The env shape of a kind env. */
export function kindEnv(
  cluster: string,
  extra: Partial<NonNullable<RunFacts['env']>> = {},
): NonNullable<RunFacts['env']> {
  return { name: cluster, clusterName: cluster, target: 'kind', ...extra };
}

function collector<T>(name: string, data: T, raw = ''): CollectorRun<T> {
  return { name, ok: true, timedOut: false, durationMs: 40, data, raw };
}

/** A healthy podman engine as `podman info` reports it here. */
export function engineOk(extra: Partial<EngineFacts> = {}): CollectorRun<EngineFacts> {
  return collector('engine', {
    name: 'podman',
    reachable: true,
    hung: false,
    probeMs: 90,
    version: '4.3.1',
    rootless: false,
    graphRoot: '/var/lib/containers/storage',
    tmpDir: '/var/tmp',
    ...extra,
  });
}

/** An engine that refused the connection (the recorded podman 4.3.1 text). */
export function engineDown(): CollectorRun<EngineFacts> {
  return collector('engine', {
    name: 'podman',
    reachable: false,
    hung: false,
    probeMs: 650,
    error:
      'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM',
  });
}

/** An engine whose probe (`podman version`, `docker version`) failed with this error line. */
export function probeFailed(error: string, name: EngineFacts['name'] = 'podman'): CollectorRun<EngineFacts> {
  return collector('engine', { name, reachable: false, hung: false, probeMs: 30, error });
}

/** A kind cluster as the clusters collector reports it. */
export function kindCluster(name: string, nodeState: string, api: ClusterFacts['api']): CollectorRun<ClusterFacts[]> {
  return collector('clusters', [
    {
      target: 'kind',
      name,
      listed: true,
      createdByTarmac: true,
      nodes: [
        { name: `${name}-control-plane`, state: nodeState, ...(nodeState === 'exited' ? { exitCode: 137 } : {}) },
      ],
      ...(api ? { api } : {}),
    },
  ]);
}

/** The API refusing connections, as kubectl says it. */
export function apiRefused(port = 52086): ClusterFacts['api'] {
  return {
    url: `https://127.0.0.1:${port}`,
    ok: false,
    detail: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`,
  };
}

/** Failing pods from the workloads collector. */
export function workloads(pods: PodFacts[]): CollectorRun<{ pods: PodFacts[] }> {
  return collector('workloads', { pods });
}

/** Disk mounts with free bytes. */
export function disk(
  mounts: { label: 'engine storage' | 'temp' | 'state'; path: string; freeBytes: number; totalBytes: number }[],
): Evidence['disk'] {
  return collector('disk', { mounts });
}

/** Host ports. */
export function ports(list: PortFacts['ports']): Evidence['ports'] {
  return collector('ports', { ports: list });
}

/** A TriageInput from a run and evidence (collectedAt fixed). */
export function inputOf(run: RunFacts, evidence: Omit<Evidence, 'collectedAt'> = {}): TriageInput {
  return { run, evidence: { collectedAt: T0 + 60_000, ...evidence } };
}

/** The cause an incident of this kind usually has: the engine client's error, or an abandoned run. */
function defaultCause(kind: IncidentKind): IncidentCause {
  if (kind === 'reconciled') return { type: 'abandoned', runId: RUN, pid: 4242, command: 'up' };
  return { type: 'engine-error', code: 'ENGINE_UNREACHABLE', engineLine: 'server probably quit: unexpected EOF' };
}
