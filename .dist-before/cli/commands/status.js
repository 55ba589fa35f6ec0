import { readEnvState } from "../../orchestrate/env-state.js";
import { safeText as s } from "../../ui/safe-text.js";
import { openTarget } from "../target-session.js";
async function statusCommand(opts, io) {
  const lifetime = new AbortController();
  try {
    return await showStatus(opts, io, lifetime.signal);
  } finally {
    lifetime.abort();
  }
}
async function showStatus(opts, io, lifetime) {
  const { env, target, why } = await openTarget(opts, io, lifetime);
  const cluster = await target.status();
  const state = readEnvState(env.stateDir);
  const endpoints = cluster.healthy ? await target.endpoints().catch((err) => {
    cluster.problems.push(err.message);
    return {};
  }) : {};
  const notes = target.endpointNotes?.() ?? {};
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ env: env.name, target: target.type, cluster, deployed: state ?? null, endpoints, endpointNotes: notes }, null, 2)}
`
    );
  } else {
    io.stdout.write(statusText({ env: env.name, why, targetName: target.name, cluster, state, endpoints, notes }));
  }
  return cluster.exists && cluster.healthy ? 0 : 3;
}
function statusText(input) {
  const { cluster, state } = input;
  const lines = [
    `${s(input.env)}: ${s(input.why)}`,
    `  ${s(input.targetName)}: ${!cluster.exists ? "not created" : cluster.healthy ? "healthy" : "UNHEALTHY"}${cluster.createdByTarmac ? "" : cluster.exists ? " (not created by tarmac)" : ""}`
  ];
  for (const node of cluster.nodes) lines.push(`    ${s(node.name)}: ${s(node.state)}`);
  for (const problem of cluster.problems) lines.push(`    problem: ${s(problem)}`);
  if (state) {
    lines.push(`  last up: ${s(state.at)} (${s(state.outcome)}, run ${s(state.runId)})`);
    for (const [name, ref] of Object.entries(state.images)) lines.push(`    ${s(name)}: ${s(ref)}`);
  }
  const notes = input.notes ?? {};
  for (const [name, url] of Object.entries(input.endpoints))
    lines.push(`  ${s(name)}: ${s(url)}${notes[name] ? ` (${s(notes[name])})` : ""}`);
  if (Object.keys(notes).length > 0)
    lines.push("  (each Service port keeps its local port while the env lives; forwards run only while tarmac runs)");
  return `${lines.join("\n")}
`;
}
export {
  statusCommand,
  statusText
};
//# sourceMappingURL=status.js.map
