// Workload evidence on a kind cluster: every pod and event (`kubectl get pods,events -A -o json`),
// and `kubectl logs --tail` of the containers of failing pods.
import { existsSync } from 'node:fs';
import { podViewFromKubePod } from '../../../kube/pod-view.js';
import { isFailing, podFacts } from '../../../triage/evidence/pod-facts.js';
import type { WorkloadFacts } from '../../../triage/types.js';
import type { EvidenceDeps } from '../../evidence-types.js';
import { KindTools, kindErrorLine } from '../kind-tools.js';
import { kubeconfigPath } from '../paths.js';
import { readPodsAndEvents } from '../pods-and-events.js';

const CALL_MS = 4_000;

/** PodFacts of every pod of the env's kind cluster, and the Warning events of controllers (FailedCreate). */
export async function kindPods(deps: EvidenceDeps): Promise<WorkloadFacts> {
  const { env, engine, runner, log: raw, signal } = deps;
  const kubeconfig = kubeconfigPath(env.stateDir, env.cluster.name);
  if (!existsSync(kubeconfig)) {
    raw.note(`no kubeconfig at ${kubeconfig}: the cluster was never created by tarmac here`);
    return { pods: [] };
  }
  const tools = new KindTools(runner, engine, kubeconfig);
  const read = await readPodsAndEvents(tools, 'all', {
    timeoutMs: CALL_MS,
    signal,
    prefix: ['--request-timeout=3s'],
  });
  for (const call of read.calls) raw.result(call);
  if (!read.result.ok) throw new Error(`kubectl get pods failed: ${kindErrorLine(read.result)}`);
  if (!read.pods) throw new Error('kubectl get pods did not print JSON');
  const items = read.pods;
  const eventItems = read.events;
  const facts = await Promise.all(
    items.map(async (item) => {
      const namespace = (item as { metadata?: { namespace?: string } }).metadata?.namespace ?? 'default';
      const view = podViewFromKubePod(item, {
        events: eventItems.filter(
          (e) => (e as { metadata?: { namespace?: string } }).metadata?.namespace === namespace,
        ),
      });
      const facts = podFacts(view);
      if (!isFailing(facts)) return facts;
      const logs = await Promise.all(
        view.containers.map(async (c) => {
          const previous = c.restartCount > 0 ? ['--previous'] : [];
          const result = await tools.kubectl(
            ['--request-timeout=3s', 'logs', '-n', namespace, view.name, '-c', c.name, '--tail', '20', ...previous],
            { timeoutMs: CALL_MS, signal, tailLines: 20 },
          );
          raw.result(result);
          return result.ok ? result.tail : [];
        }),
      );
      return podFacts(view, logs.flat());
    }),
  );
  const controllerEvents = controllerWarnings(eventItems);
  return { pods: facts, ...(controllerEvents.length > 0 ? { controllerEvents } : {}) };
}

/** `Kind/name Reason: message` of Warning events about objects other than pods (a pod that was never created has no events of its own). */
export function controllerWarnings(events: unknown[]): string[] {
  return events
    .map(
      (e) =>
        e as { type?: string; reason?: string; message?: string; involvedObject?: { kind?: string; name?: string } },
    )
    .filter((e) => e.type === 'Warning' && e.involvedObject?.kind !== undefined && e.involvedObject.kind !== 'Pod')
    .map((e) => `${e.involvedObject!.kind}/${e.involvedObject!.name ?? '?'} ${e.reason ?? ''}: ${e.message ?? ''}`)
    .slice(-10);
}
