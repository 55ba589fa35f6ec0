// A run's floor from its own journal: the critical path of its steps' own durations (step.finished durationMs)
// through the dependencies run.started announced. No schedule can finish the run's steps sooner, whatever the
// engine's capacity, so a cold run's wall time against it is the overhead tarmac adds (issue 16).

export interface JournalEvent {
  type: string;
  stepId?: string;
  durationMs?: number;
  steps?: { id: string; deps: string[]; after?: string[] }[];
}

/** The longest chain of step durations in the journal's events, and its steps (first to last). */
export function journalFloor(events: readonly JournalEvent[]): { ms: number; path: string[] } {
  const steps = events.find((e) => e.type === 'run.started')?.steps ?? [];
  const took = new Map(
    events.filter((e) => e.type === 'step.finished').map((e) => [e.stepId ?? '', e.durationMs ?? 0] as const),
  );
  const deps = new Map(steps.map((s) => [s.id, [...s.deps, ...(s.after ?? [])]]));
  const memo = new Map<string, { ms: number; path: string[] }>();
  // The plan is a DAG (the planner refuses cycles), so the recursion ends.
  const longest = (id: string): { ms: number; path: string[] } => {
    const known = memo.get(id);
    if (known) return known;
    const before = (deps.get(id) ?? []).map(longest).reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, path: [] });
    const result = { ms: before.ms + (took.get(id) ?? 0), path: [...before.path, id] };
    memo.set(id, result);
    return result;
  };
  return steps.map((s) => longest(s.id)).reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, path: [] as string[] });
}
