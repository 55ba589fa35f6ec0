// status(): is the cluster there, is every node container running, does the API server answer /readyz?
import { existsSync } from 'node:fs';
import type { ContainerSummary } from '../../engines/types.js';
import type { ClusterState } from '../types.js';
import { stillOurs } from './cluster-record.js';
import { expectedNodesFromFile } from './kind-config.js';
import { CLUSTER_LABEL, ROLE_LABEL, type KindDeps } from './kind-deps.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';
import { writePrivateFile } from './paths.js';

/** The state plus what ensure/down need beyond it. */
export interface StatusDetail {
  state: ClusterState;
  nodes: ContainerSummary[];
}

/** Whether `kind get clusters` lists the name, as an exact line (`grep kind` would also match `kind2`). */
export async function clusterListed(deps: KindDeps, signal?: AbortSignal): Promise<boolean> {
  const result = await deps.tools.mustKind(
    ['get', 'clusters'],
    'Could not list kind clusters',
    { timeoutMs: QUICK_MS, signal },
    'Check that the container engine answers (`tarmac doctor`).',
  );
  return result.stdout.split('\n').some((line) => line.trim() === deps.name);
}

/** The cluster's node containers, stopped ones included, by kind's cluster label. */
export async function nodeContainers(deps: KindDeps, signal?: AbortSignal): Promise<ContainerSummary[]> {
  const nodes = await deps.engine.listContainers({ [CLUSTER_LABEL]: deps.name }, signal);
  return nodes.sort((a, b) => (nodeName(a) < nodeName(b) ? -1 : 1));
}

/** A node container's name. */
export function nodeName(node: ContainerSummary): string {
  return node.names[0] ?? node.id.slice(0, 12);
}

/** Node containers that are Kubernetes nodes (not kind's load balancer). */
export function kubeNodes(nodes: readonly ContainerSummary[]): ContainerSummary[] {
  return nodes.filter((node) => node.labels[ROLE_LABEL] !== 'external-load-balancer');
}

/** Reads the cluster's state; problems are one line each, for people. */
export async function readStatus(deps: KindDeps, signal?: AbortSignal): Promise<StatusDetail> {
  const [listed, nodes, record] = await Promise.all([
    clusterListed(deps, signal),
    nodeContainers(deps, signal),
    deps.records.get(deps.name),
  ]);
  const createdByTarmac = stillOurs(
    record,
    nodes.map((n) => n.id),
  );
  const view = nodes.map((n) => ({ name: nodeName(n), state: n.state }));
  if (!listed && nodes.length === 0) {
    return {
      nodes,
      state: {
        exists: false,
        healthy: false,
        problems: [`kind cluster ${deps.name} does not exist`],
        nodes: [],
        createdByTarmac: false,
      },
    };
  }
  const problems: string[] = [];
  for (const node of nodes)
    if (node.state !== 'running')
      problems.push(`node container ${nodeName(node)} is ${node.state || 'in an unknown state'}`);
  const expected = await expectedNodesFromFile(deps.name, deps.env.cluster.kindConfig);
  for (const missing of (expected ?? []).filter((name) => !view.some((n) => n.name === name))) {
    problems.push(`node container ${missing} is missing (the kind config asks for it)`);
  }
  const readyz = await checkReadyz(deps, nodes, signal);
  if (readyz !== undefined) problems.push(readyz);
  return { nodes, state: { exists: true, healthy: problems.length === 0, problems, nodes: view, createdByTarmac } };
}

/**
 * Refreshes the private kubeconfig from kind (the API port changes when a cluster is recreated) and asks
 * `/readyz`; returns the problem, or undefined when it answered `ok`.
 */
async function checkReadyz(
  deps: KindDeps,
  nodes: readonly ContainerSummary[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  const apiNode =
    nodes.find((n) => n.labels[ROLE_LABEL] === 'external-load-balancer') ??
    nodes.find((n) => n.labels[ROLE_LABEL] === 'control-plane');
  if (apiNode?.state === 'running') {
    const exported = await deps.tools.kind(['get', 'kubeconfig', '--name', deps.name], { timeoutMs: QUICK_MS, signal });
    if (!exported.ok) return `could not read the cluster's kubeconfig: ${kindErrorLine(exported)}`;
    await writePrivateFile(deps.kubeconfig, `${exported.stdout}\n`);
  }
  // Why ask even with the node stopped: the old kubeconfig's "connection refused" is the evidence people recognise.
  if (!existsSync(deps.kubeconfig))
    return 'API server not checked: no kubeconfig (no running control-plane node to read it from)';
  return readyzProblem(deps, signal);
}

/** Asks the API server's `/readyz`; returns the problem line, or undefined when it answered `ok`. */
export async function readyzProblem(deps: KindDeps, signal?: AbortSignal): Promise<string | undefined> {
  const result = await deps.tools.kubectl(['--request-timeout=10s', 'get', '--raw', '/readyz'], {
    timeoutMs: 15_000,
    signal,
  });
  if (result.ok && result.stdout.trim() === 'ok') return undefined;
  return `API server does not answer /readyz: ${result.ok ? `answered ${JSON.stringify(result.stdout.slice(0, 80))}` : kindErrorLine(result)}`;
}
