// Pods and their events in one `kubectl get pods,events -o json` (a List holding both kinds, pods first), so a
// readiness poll or an evidence read starts one kubectl instead of two. Events are evidence, not a requirement:
// when the joint read fails, the pods are read alone and come back without events.
import type { CommandResult } from '../../exec/types.js';
import type { KindTools } from './kind-tools.js';

/** Where to read: one namespace, or every namespace. */
export type PodScope = { namespace: string } | 'all';

/** The pods' read (its result, for errors and raw logs) and the items of both kinds. */
export interface PodsAndEvents {
  /** The call whose outcome decides whether pods were read (the joint one, else the pods-only one). */
  result: CommandResult;
  /** Every call made, in order, for raw evidence logs. */
  calls: CommandResult[];
  /** undefined when the answer was not a List (a partial or garbled answer). */
  pods: unknown[] | undefined;
  events: unknown[];
}

/** Reads pods and events of `scope`; `prefix` goes before `get` (e.g. `--request-timeout=3s`). */
export async function readPodsAndEvents(
  tools: KindTools,
  scope: PodScope,
  options: { timeoutMs: number; signal?: AbortSignal; prefix?: readonly string[] },
): Promise<PodsAndEvents> {
  const where = scope === 'all' ? ['-A'] : ['-n', scope.namespace];
  const call = (resources: string) =>
    tools.kubectl([...(options.prefix ?? []), 'get', resources, ...where, '-o', 'json'], {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
  const joint = await call('pods,events');
  const items = joint.ok ? listItems(joint.stdout) : undefined;
  if (items) {
    return { result: joint, calls: [joint], pods: ofKind(items, 'Pod'), events: ofKind(items, 'Event') };
  }
  // A read that timed out or was cancelled is not tried again: the pods alone would only wait as long.
  if (joint.timedOut || joint.cancelled) return { result: joint, calls: [joint], pods: undefined, events: [] };
  const pods = await call('pods');
  return { result: pods, calls: [joint, pods], pods: pods.ok ? listItems(pods.stdout) : undefined, events: [] };
}

// The items of a printed List; undefined when the text is not one (a partial or garbled answer).
function listItems(text: string): unknown[] | undefined {
  try {
    const items = (JSON.parse(text) as { items?: unknown } | null)?.items;
    return Array.isArray(items) ? items : undefined;
  } catch {
    return undefined;
  }
}

function ofKind(items: unknown[], kind: string): unknown[] {
  return items.filter((item) => (item as { kind?: unknown } | null)?.kind === kind);
}
