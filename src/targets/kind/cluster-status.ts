// status(): is the cluster there, is every node container running, does the API server answer /readyz?
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Reads the cluster's state; problems are one line each, for people. Why no `kind get clusters` here: kind lists a
 * cluster exactly when a container carries its cluster label, which the engine listing below already answers (kind
 * is told to use the same engine), so asking kind too would only cost a process and an engine call on every up,
 * test and status (issue 16).
 */
export async function readStatus(deps: KindDeps, signal?: AbortSignal): Promise<StatusDetail> {
  const [nodes, record] = await Promise.all([nodeContainers(deps, signal), deps.records.get(deps.name)]);
  const listed = nodes.length > 0;
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
 * Asks `/readyz` through the private kubeconfig; returns the problem, or undefined when it answered `ok`. The
 * kubeconfig is refreshed from kind (the API port changes when a cluster is recreated) unless it was exported for
 * the API node container running now (kubeconfigNodeFile); a kept one that gets no `ok` is refreshed and, if kind's
 * differs, asked again, so a stale file never decides.
 */
async function checkReadyz(
  deps: KindDeps,
  nodes: readonly ContainerSummary[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  const apiNode =
    nodes.find((n) => n.labels[ROLE_LABEL] === 'external-load-balancer') ??
    nodes.find((n) => n.labels[ROLE_LABEL] === 'control-plane');
  const running = apiNode?.state === 'running' ? apiNode : undefined;
  const kept = running !== undefined && exportedFor(deps) === running.id && existsSync(deps.kubeconfig);
  if (running && !kept) {
    const refreshed = await refreshKubeconfig(deps, running.id, signal);
    if (refreshed.problem) return refreshed.problem;
  }
  // Why ask even with the node stopped: the old kubeconfig's "connection refused" is the evidence people recognise.
  if (!existsSync(deps.kubeconfig))
    return 'API server not checked: no kubeconfig (no running control-plane node to read it from)';
  const problem = await readyzProblem(deps, signal);
  if (problem === undefined || !kept) return problem;
  const refreshed = await refreshKubeconfig(deps, running.id, signal);
  if (refreshed.problem) return refreshed.problem;
  return refreshed.changed ? readyzProblem(deps, signal) : problem;
}

/** Where the id of the API node container the kubeconfig was exported for is kept, beside it. */
export function kubeconfigNodeFile(kubeconfig: string): string {
  return `${kubeconfig}.node`;
}

function exportedFor(deps: KindDeps): string | undefined {
  try {
    return readFileSync(kubeconfigNodeFile(deps.kubeconfig), 'utf8').trim();
  } catch {
    return undefined;
  }
}

// `kind get kubeconfig` into the private file, then the node id it belongs to (the id last: a crash between the
// two leaves a kubeconfig that the next status refreshes again).
async function refreshKubeconfig(
  deps: KindDeps,
  nodeId: string,
  signal?: AbortSignal,
): Promise<{ problem?: string; changed?: boolean }> {
  const exported = await deps.tools.kind(['get', 'kubeconfig', '--name', deps.name], { timeoutMs: QUICK_MS, signal });
  if (!exported.ok) return { problem: `could not read the cluster's kubeconfig: ${kindErrorLine(exported)}` };
  const content = `${exported.stdout}\n`;
  const before = existsSync(deps.kubeconfig) ? readFileSync(deps.kubeconfig, 'utf8') : undefined;
  if (before !== content) await writePrivateFile(deps.kubeconfig, content);
  await writePrivateFile(kubeconfigNodeFile(deps.kubeconfig), `${nodeId}\n`);
  return { changed: before !== content };
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
