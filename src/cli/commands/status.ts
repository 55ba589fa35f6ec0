// `tarmac status`: what is up for this env: target health, deployed images, endpoints.
import { readEnvState, type EnvState } from '../../orchestrate/env-state.js';
import type { ClusterState } from '../../targets/types.js';
import { safeText as s } from '../../ui/safe-text.js';
import type { CliIo } from '../io.js';
import { openTarget } from '../target-session.js';

/** Runs `tarmac status`; exit 0 when the env is up and healthy, 3 when it is not. */
export async function statusCommand(opts: { file?: string; json?: boolean }, io: CliIo): Promise<number> {
  // kind's endpoints are port-forwards: status starts them to list (and prove) them, and stops them when it returns.
  const lifetime = new AbortController();
  try {
    return await showStatus(opts, io, lifetime.signal);
  } finally {
    lifetime.abort();
  }
}

async function showStatus(opts: { file?: string; json?: boolean }, io: CliIo, lifetime: AbortSignal): Promise<number> {
  const { env, target, why } = await openTarget(opts, io, lifetime);
  const cluster = await target.status();
  const state = readEnvState(env.stateDir);
  // A pod that vanished makes endpoints() throw; status reports it as a problem instead of failing.
  const endpoints = cluster.healthy
    ? await target.endpoints().catch((err: Error) => {
        cluster.problems.push(err.message);
        return {};
      })
    : {};
  const notes = target.endpointNotes?.() ?? {};
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ env: env.name, target: target.type, cluster, deployed: state ?? null, endpoints, endpointNotes: notes }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(statusText({ env: env.name, why, targetName: target.name, cluster, state, endpoints, notes }));
  }
  return cluster.exists && cluster.healthy ? 0 : 3;
}

/** The status for people; node states, problems, references and endpoints come from tools and config: escaped. */
export function statusText(input: {
  env: string;
  why: string;
  targetName: string;
  cluster: ClusterState;
  state: EnvState | undefined;
  endpoints: Record<string, string>;
  /** How each endpoint is served (kind: its port-forward), when the target says. */
  notes?: Record<string, string>;
}): string {
  const { cluster, state } = input;
  const lines = [
    `${s(input.env)}: ${s(input.why)}`,
    `  ${s(input.targetName)}: ${!cluster.exists ? 'not created' : cluster.healthy ? 'healthy' : 'UNHEALTHY'}${cluster.createdByTarmac ? '' : cluster.exists ? ' (not created by tarmac)' : ''}`,
  ];
  for (const node of cluster.nodes) lines.push(`    ${s(node.name)}: ${s(node.state)}`);
  for (const problem of cluster.problems) lines.push(`    problem: ${s(problem)}`);
  if (state) {
    lines.push(`  last up: ${s(state.at)} (${s(state.outcome)}, run ${s(state.runId)})`);
    for (const [name, ref] of Object.entries(state.images)) lines.push(`    ${s(name)}: ${s(ref)}`);
  }
  const notes = input.notes ?? {};
  for (const [name, url] of Object.entries(input.endpoints))
    lines.push(`  ${s(name)}: ${s(url)}${notes[name] ? ` (${s(notes[name])})` : ''}`);
  if (Object.keys(notes).length > 0)
    lines.push('  (each Service port keeps its local port while the env lives; forwards run only while tarmac runs)');
  return `${lines.join('\n')}\n`;
}
