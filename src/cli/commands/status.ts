// `tarmac status`: what is up for this env: target health, deployed images, endpoints.
import { readEnvState, type EnvState } from '../../orchestrate/env-state.js';
import type { ClusterState, ClusterTarget } from '../../targets/types.js';
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
  const { env, target, why, suites } = await openTarget(opts, io, lifetime);
  const main = await envStatus(env.name, env.stateDir, target);
  // A file with suites: every suite cluster that an up brought up (the file's own env only when it was up).
  const shown = [
    ...(suites.length === 0 || main.state ? [main] : []),
    ...(await Promise.all(
      suites.filter((x) => readEnvState(x.env.stateDir)).map((x) => envStatus(x.key, x.env.stateDir, x.target)),
    )),
  ];
  if (opts.json) {
    const json = (e: EnvStatus) => ({
      env: e.name,
      target: e.target.type,
      cluster: e.cluster,
      deployed: e.state ?? null,
      endpoints: e.endpoints,
      endpointNotes: e.notes,
    });
    // The file's own env as before; with suites, each suite cluster that was brought up as well.
    io.stdout.write(
      `${JSON.stringify({ ...json(main), ...(suites.length > 0 ? { suites: shown.filter((e) => e !== main).map(json) } : {}) }, null, 2)}\n`,
    );
  } else {
    if (shown.length === 0) io.stdout.write(`${s(env.name)}: no suite is up (run \`tarmac up --all\`)\n`);
    for (const e of shown)
      io.stdout.write(
        statusText({
          env: e.name,
          why,
          targetName: e.target.name,
          cluster: e.cluster,
          state: e.state,
          endpoints: e.endpoints,
          notes: e.notes,
        }),
      );
  }
  return shown.length > 0 && shown.every((e) => e.cluster.exists && e.cluster.healthy) ? 0 : 3;
}

interface EnvStatus {
  name: string;
  target: ClusterTarget;
  cluster: ClusterState;
  state: EnvState | undefined;
  endpoints: Record<string, string>;
  notes: Record<string, string>;
}

// One env's health, last up and endpoints.
async function envStatus(name: string, stateDir: string, target: ClusterTarget): Promise<EnvStatus> {
  const cluster = await target.status();
  const state = readEnvState(stateDir);
  // A pod that vanished makes endpoints() throw; status reports it as a problem instead of failing.
  const endpoints = cluster.healthy
    ? await target.endpoints().catch((err: Error) => {
        cluster.problems.push(err.message);
        return {};
      })
    : {};
  return { name, target, cluster, state, endpoints, notes: target.endpointNotes?.() ?? {} };
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
