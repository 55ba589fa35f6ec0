// Everything the podman target would refuse in an env's rendered groups, found before anything is created: the
// planner's own problems (refused kinds, Services it cannot route, pod name clashes, probe ports that do not
// exist), and containers that read a Secret when this podman's kube play cannot hand them one. Pure but for one
// lazy question: the podman version is asked only when a pod reads a Secret, so the usual check stays free.
import type { EngineVersion } from '../../engines/engine-version.js';
import type { RenderedGroup } from '../../kube/types.js';
import { planGroup, type PlanContext } from './play-plan.js';
import { SECRET_READS_SINCE, secretReadSupport, secretReads } from './secret-reads.js';
import { asRecord } from './shape.js';

/** Located problems (each one is refused), and notes (what could not be checked, and why). */
export interface DeployCheck {
  problems: string[];
  notes: string[];
}

/** The version of the podman that will play the pods; asked at most once, and only when a pod reads a Secret. */
export type AskPodmanVersion = () => Promise<EngineVersion>;

/** The plan's names matter only for pod name clashes, which do not depend on them. */
const CHECK_CONTEXT: Omit<PlanContext, 'env'> = { project: 'check', runId: 'check', network: 'check' };

/** What the podman target would refuse in the env's groups (`env`: the env's name, which scopes pod names). */
export async function podmanDeployCheck(
  env: string,
  groups: readonly RenderedGroup[],
  askVersion: AskPodmanVersion,
): Promise<DeployCheck> {
  // A Set: a mistake between two groups (a Service and the workload it selects) is reported by the plan of each.
  const found = new Set<string>();
  // Each workload once (its replicas read the same Secrets): `Kind/name (file:line)` -> its reads.
  const readers = new Map<string, string[]>();
  for (const group of groups) {
    const plan = planGroup(group, { ...CHECK_CONTEXT, env }, groups, false);
    for (const problem of plan.problems) found.add(problem);
    for (const unit of plan.units) {
      const reads = secretReads(asRecord(unit.pod.spec) ?? {});
      if (reads.length > 0) readers.set(`${unit.workload.kind}/${unit.workload.name} (${unit.source})`, reads);
    }
  }
  const problems = [...found];
  if (readers.size === 0) return { problems, notes: [] };
  const asked = await askVersion();
  if ('unknown' in asked)
    return {
      problems,
      notes: [
        `${readers.size} workload${readers.size === 1 ? '' : 's'} read${readers.size === 1 ? 's' : ''} a Secret (${[...readers.keys()][0]}); whether this podman can hand one to a container was not checked: ${asked.unknown}. podman before ${SECRET_READS_SINCE} cannot, and fails at deploy.`,
      ],
    };
  const supported = secretReadSupport(asked.version);
  if (supported === true) return { problems, notes: [] };
  if (supported === undefined)
    return {
      problems,
      notes: [`podman named its version \`${asked.version}\`, which tarmac cannot read: Secret reads were not checked`],
    };
  for (const [workload, reads] of readers)
    problems.push(
      `${workload}: podman ${asked.version}'s kube play cannot give a Secret to a container (podman ${SECRET_READS_SINCE} or later can): ${reads.join('; ')}. Fix: read the value from a ConfigMap on this target, or use a newer podman, or cluster.target: kind`,
    );
  return { problems, notes: [] };
}
