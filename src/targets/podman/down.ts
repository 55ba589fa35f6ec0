// Removing the env: the pods, containers and volumes that carry its labels or that the state file
// recorded (only when they still carry its labels), the podman secrets the state file recorded (they cannot carry
// labels), its network when tarmac created it, and the state and played files. Things with similar names that
// tarmac did not create are listed, never touched.
import { rm } from 'node:fs/promises';
import type { EnvIdentity } from '../../config/project-identity.js';
import { LABEL_ENV, LABEL_PROJECT, LABEL_PROJECT_PATH } from '../../engines/labels.js';
import { TarmacError } from '../../errors/errors.js';
import type { DownReport } from '../types.js';
import { envContainers, envPods, inspectPod } from './inspect.js';
import { isOurs, podmanOwnership } from './names.js';
import { inspectNetwork } from './network.js';
import { parseJsonList, type PodmanCli } from './podman-cli.js';
import { asRecord, asStringMap, asString } from './shape.js';
import { removePods } from './remove-pods.js';
import { removeSecrets } from './remove-secrets.js';
import type { StateStore, TargetState } from './state.js';

export interface DownDeps {
  cli: PodmanCli;
  id: EnvIdentity;
  network: string;
  store: StateStore;
  playDir: string;
}

/** Removes what tarmac created for the env, verifies nothing of it is left, and reports. */
export async function downEnv(deps: DownDeps, signal?: AbortSignal): Promise<DownReport> {
  const { cli, id } = deps;
  const report: DownReport = { removed: [], keptForeign: [] };
  const state = await deps.store.read().catch((): TargetState | undefined => undefined);
  const pods = new Set((await envPods(cli, id, signal)).map((p) => p.name));
  for (const name of Object.keys(state?.pods ?? {})) {
    if (pods.has(name)) continue;
    const pod = await inspectPod(cli, name, signal);
    if (pod && isOurs(pod.labels, id)) pods.add(name);
    else if (pod) report.keptForeign.push(`pod ${name} (recorded, but it lacks the env's labels now)`);
  }
  await removePods(cli, [...pods], signal);
  report.removed.push(...[...pods].map((p) => `pod ${p}`));
  const loose = await envContainers(cli, id, signal);
  if (loose.length > 0)
    await cli.must(
      ['rm', '-f', '--ignore', '-t', '0', ...loose.map((c) => c.id)],
      `Could not remove the containers of env ${id.env}`,
      { signal },
    );
  report.removed.push(...loose.map((c) => `container ${c.name}`));
  await removeVolumes(deps, state?.volumes ?? [], report, signal);
  await removeSecrets(cli, id.env, state?.secrets ?? [], report, signal);
  await removeNetwork(deps, report, signal);
  await rm(deps.playDir, { recursive: true, force: true });
  await deps.store.remove();
  report.removed.push(`files ${deps.playDir}, ${deps.store.file}`);
  report.keptForeign.push(...(await checkLeftovers(deps, signal)));
  return report;
}

async function removeVolumes(
  deps: DownDeps,
  recorded: string[],
  report: DownReport,
  signal?: AbortSignal,
): Promise<void> {
  const listed = await deps.cli.must(['volume', 'ls', '--format', 'json'], 'Could not list podman volumes', { signal });
  const volumes = parseJsonList(listed.stdout)
    .map(asRecord)
    .map((v) => ({ name: asString(v?.Name) ?? '', labels: asStringMap(v?.Labels) }));
  const ours = volumes.filter((v) => isOurs(v.labels, deps.id)).map((v) => v.name);
  for (const name of recorded)
    if (!ours.includes(name) && volumes.some((v) => v.name === name))
      report.keptForeign.push(`volume ${name} (recorded, but it lacks the env's labels)`);
  if (ours.length === 0) return;
  await deps.cli.must(['volume', 'rm', '-f', ...ours], `Could not remove the volumes of env ${deps.id.env}`, {
    signal,
  });
  report.removed.push(...ours.map((v) => `volume ${v}`));
}

async function removeNetwork(deps: DownDeps, report: DownReport, signal?: AbortSignal): Promise<void> {
  const network = await inspectNetwork(deps.cli, deps.network, signal);
  if (!network) return;
  const owner = podmanOwnership(network.labels, deps.id);
  if (owner === 'other-checkout') {
    const other = network.labels[LABEL_PROJECT_PATH] ?? `project ${network.labels[LABEL_PROJECT]}`;
    report.keptForeign.push(`network ${deps.network} (env ${deps.id.env} of another checkout: ${other})`);
    return;
  }
  if (owner === 'foreign') {
    report.keptForeign.push(`network ${deps.network} (not created by tarmac)`);
    return;
  }
  // No --force: it would also remove containers of others that joined the network.
  const result = await deps.cli.run(['network', 'rm', deps.network], { signal });
  if (result.ok) report.removed.push(`network ${deps.network}`);
  else if (/in use|associated containers/i.test(result.stderr))
    report.keptForeign.push(`network ${deps.network} (still used by containers tarmac did not create)`);
  else throw deps.cli.failed(result, `Could not remove podman network ${deps.network}`);
}

// One listing of every pod, container and network, read twice: nothing of the env may be left (else DOWN_INCOMPLETE),
// and what is named like the env's (`tarmac-<env>...`) but is not its own (tarmac did not make it, or made it for
// another checkout's env of the same name) is reported, never touched. Why unfiltered lists: label-filtered ones for
// the first question would be two more podman calls (about 0.1 s of CPU each) for a subset of these answers.
async function checkLeftovers(deps: DownDeps, signal?: AbortSignal): Promise<string[]> {
  const lists: [kind: string, args: string[]][] = [
    ['pod', ['pod', 'ps', '--format', 'json']],
    ['container', ['ps', '-a', '--format', 'json']],
    ['network', ['network', 'ls', '--format', 'json']],
  ];
  const left: string[] = [];
  const similar: string[] = [];
  for (const [kind, args] of lists) {
    // The network list only feeds the report; the pod and container lists are the verification.
    const result =
      kind === 'network'
        ? await deps.cli.run(args, { signal })
        : await deps.cli.must(args, `Could not list ${kind}s to verify the down of env ${deps.id.env}`, { signal });
    if (!result.ok) continue;
    for (const item of parseJsonList(result.stdout).map(asRecord)) {
      const names = item?.Names ?? item?.Name ?? item?.name;
      const name = Array.isArray(names) ? asString(names[0]) : asString(names);
      const labels = asStringMap(item?.Labels ?? item?.labels);
      if (isOurs(labels, deps.id)) {
        if (kind !== 'network') left.push(`${kind} ${name ?? '?'}`);
      } else if (name?.startsWith(deps.network)) similar.push(`${kind} ${name}`);
    }
  }
  if (left.length > 0)
    throw new TarmacError('DOWN_INCOMPLETE', `down of env ${deps.id.env} left ${left.join(', ')}`, {
      hint: `Something recreated them meanwhile, or podman failed silently; run \`tarmac down\` again, or remove them: podman pod rm -f --filter label=${LABEL_ENV}=${deps.id.env} --filter label=${LABEL_PROJECT}=${deps.id.project}`,
    });
  return similar;
}
