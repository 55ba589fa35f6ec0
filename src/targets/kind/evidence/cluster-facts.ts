// Cluster evidence for the kind target: does `kind get clusters` list it, its node containers (state, exit code,
// log tail of stopped ones), whether tarmac created it, and whether the API server answers /readyz.
import { existsSync, readFileSync } from 'node:fs';
import type { ContainerEngine, ContainerSummary } from '../../../engines/types.js';
import { num, obj } from '../../../engines/json-fields.js';
import type { CommandResult } from '../../../exec/types.js';
import type { ClusterFacts, NodeFacts } from '../../../triage/types.js';
import type { EvidenceDeps, EvidenceLog } from '../../evidence-types.js';
import { ClusterRecords, stillOurs } from '../cluster-record.js';
import { CLUSTER_LABEL, ROLE_LABEL } from '../kind-deps.js';
import { KindTools, kindErrorLine } from '../kind-tools.js';
import { kubeconfigPath, writePrivateFile } from '../paths.js';

const CALL_MS = 4_000;
const LOG_TAIL = 20;

/** Facts about the env's kind cluster; every command's output goes to the log. */
export async function kindClusterFacts(deps: EvidenceDeps): Promise<ClusterFacts> {
  const { env, engine, runner, log: raw, signal } = deps;
  const name = env.cluster.name;
  const kubeconfig = kubeconfigPath(env.stateDir, name);
  const tools = new KindTools(runner, engine, kubeconfig);
  const [clusters, nodes, record] = await Promise.all([
    tools.kind(['get', 'clusters'], { timeoutMs: CALL_MS, signal }),
    engine.listContainers({ [CLUSTER_LABEL]: name }, signal),
    new ClusterRecords(env.stateDir).get(name).catch(() => undefined),
  ]);
  raw.result(clusters);
  if (!clusters.ok) throw new Error(`kind get clusters failed: ${kindErrorLine(clusters)}`);
  raw.note(
    `node containers labelled ${CLUSTER_LABEL}=${name}: ${nodes.map((n) => `${n.names[0] ?? n.id} (${n.state})`).join(', ') || 'none'}`,
  );
  const facts: ClusterFacts = {
    target: 'kind',
    name,
    listed: listsCluster(clusters.stdout, name),
    createdByTarmac: stillOurs(
      record,
      nodes.map((n) => n.id),
    ),
    nodes: await nodeFacts(engine, nodes, raw, signal),
  };
  const api = await apiFacts(tools, name, nodes, raw, signal);
  return api ? { ...facts, api } : facts;
}

/** Whether `kind get clusters` output lists the name as an exact line (`kind` must not match `kind2`). */
export function listsCluster(stdout: string, name: string): boolean {
  return stdout.split('\n').some((line) => line.trim() === name);
}

async function nodeFacts(
  engine: ContainerEngine,
  nodes: ContainerSummary[],
  raw: EvidenceLog,
  signal: AbortSignal,
): Promise<NodeFacts[]> {
  const exec = (args: string[], tailLines?: number) =>
    engine.exec(args, { signal, timeoutMs: CALL_MS, ...(tailLines ? { tailLines } : {}) });
  const stopped = nodes.filter((n) => n.state !== 'running');
  const exitCodes =
    stopped.length > 0
      ? parseExitCodes(await exec(['container', 'inspect', ...stopped.map((n) => n.id)]))
      : new Map<string, number>();
  return Promise.all(
    nodes.map(async (node): Promise<NodeFacts> => {
      const name = node.names[0] ?? node.id.slice(0, 12);
      if (node.state === 'running') return { name, state: node.state };
      const logs = await exec(['logs', '--tail', String(LOG_TAIL), node.id], LOG_TAIL);
      raw.result(logs);
      const exitCode = exitCodes.get(node.id);
      return {
        name,
        state: node.state || 'unknown',
        ...(exitCode === undefined ? {} : { exitCode }),
        logTail: logs.tail,
      };
    }),
  );
}

/** Container id -> State.ExitCode from `container inspect` JSON (podman's and docker's shape). */
export function parseExitCodes(result: CommandResult): Map<string, number> {
  const out = new Map<string, number>();
  if (!result.ok) return out;
  const parsed: unknown = JSON.parse(result.stdout.trim() || '[]');
  for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
    const c = obj(entry);
    const code = num(obj(c.State).ExitCode);
    const id = typeof c.Id === 'string' ? c.Id : undefined;
    if (id !== undefined && code !== undefined) out.set(id, code);
  }
  return out;
}

/**
 * /readyz through tarmac's private kubeconfig, refreshed from kind when the API node runs (a recreated cluster
 * has a new port). With the node stopped the old kubeconfig is used: its "connection refused" is the evidence.
 */
async function apiFacts(
  tools: KindTools,
  name: string,
  nodes: ContainerSummary[],
  raw: EvidenceLog,
  signal: AbortSignal,
): Promise<ClusterFacts['api']> {
  const apiNode =
    nodes.find((n) => n.labels[ROLE_LABEL] === 'external-load-balancer') ??
    nodes.find((n) => n.labels[ROLE_LABEL] === 'control-plane');
  if (apiNode?.state === 'running') {
    const exported = await tools.kind(['get', 'kubeconfig', '--name', name], { timeoutMs: CALL_MS, signal });
    raw.note(`$ ${exported.command}  (exit ${String(exported.exitCode)})`);
    if (exported.ok) await writePrivateFile(tools.kubeconfig, `${exported.stdout}\n`);
  }
  if (!existsSync(tools.kubeconfig))
    return nodes.length === 0 ? undefined : { ok: false, detail: `not checked: no kubeconfig at ${tools.kubeconfig}` };
  const url = serverOf(readFileSync(tools.kubeconfig, 'utf8'));
  const result = await tools.kubectl(['--request-timeout=3s', 'get', '--raw', '/readyz'], {
    timeoutMs: CALL_MS,
    signal,
  });
  raw.result(result);
  const ok = result.ok && result.stdout.trim() === 'ok';
  const detail = ok
    ? '/readyz: ok'
    : result.ok
      ? `/readyz answered ${JSON.stringify(result.stdout.slice(0, 80))}`
      : kindErrorLine(result);
  return { ...(url ? { url } : {}), ok, detail };
}

/** The first `server:` URL of a kubeconfig. */
export function serverOf(kubeconfig: string): string | undefined {
  return /^\s*server:\s*(\S+)/m.exec(kubeconfig)?.[1];
}
