// `tarmac status`: what is up for this env: target health, deployed images, endpoints.
import { readEnvState } from '../../orchestrate/env-state.js';
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
    const lines = [
      `${env.name}: ${why}`,
      `  ${target.name}: ${!cluster.exists ? 'not created' : cluster.healthy ? 'healthy' : 'UNHEALTHY'}${cluster.createdByTarmac ? '' : cluster.exists ? ' (not created by tarmac)' : ''}`,
    ];
    for (const node of cluster.nodes) lines.push(`    ${node.name}: ${node.state}`);
    for (const problem of cluster.problems) lines.push(`    problem: ${problem}`);
    if (state) {
      lines.push(`  last up: ${state.at} (${state.outcome}, run ${state.runId})`);
      for (const [name, ref] of Object.entries(state.images)) lines.push(`    ${name}: ${ref}`);
    }
    for (const [name, url] of Object.entries(endpoints))
      lines.push(`  ${name}: ${url}${notes[name] ? ` (${notes[name]})` : ''}`);
    if (Object.keys(notes).length > 0)
      lines.push('  (each Service port keeps its local port while the env lives; forwards run only while tarmac runs)');
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return cluster.exists && cluster.healthy ? 0 : 3;
}
