// Another run or process holds what the env's deploy needs: a Helm release locked by an install/upgrade/rollback that
// has not finished (helm marks the release pending-* and refuses every other operation on it), a release name still
// in use, a namespace being deleted by someone else, or an engine network/volume/endpoint of that name already there.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engineCmd } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';

/**
 * The tools' own words for a name or a lock already held:
 * - helm 3: `another operation (install/upgrade/rollback) is in progress`, `cannot re-use a name that is still in use`;
 * - the API server: `unable to create new content in namespace X because it is being terminated`;
 * - docker/podman: `network with name X already exists`, `volume with name X already exists`,
 *   `endpoint with name X already exists in network Y`.
 * An object of the env already there (CREATED) is held too, by a leftover of an earlier run most often.
 */
const HELD =
  /another operation \(install\/upgrade\/rollback\) is in progress|cannot re-use a name that is still in use|unable to create new content in namespace \S+ because it is being terminated|(?:network|volume) with name \S+ already exists|endpoint with name \S+ already exists in network/i;

/**
 * An object the deploy creates is already there: the API server's AlreadyExists status as kubectl prints it
 * (`Error from server (AlreadyExists): namespaces "e2e" already exists`; `apply` never says it, `create` does) and
 * helm 3 refusing to adopt an object no release of its own owns (`rendered manifests contain a resource that already
 * exists`). A leftover of an earlier run most often, but a manifest that lists an object twice says the same: below
 * the helm lock's certainty.
 */
const CREATED =
  /Error from server \(AlreadyExists\)|manifests contain a resource that already exists|exists and cannot be imported into the current release/i;

export const releaseHeld: Rule = {
  id: 'release-held',
  title: "Another run or process holds the env's release, namespace or engine name",
  refs: ['helm: action.errPending / errInstallNameInUse', 'corpus: env-held'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, HELD, 2);
    if (lines.length === 0) return leftover(input);
    const text = lines.join('\n');
    const helm = /in progress|re-use a name/i.test(text);
    const terminating = /being terminated/i.test(text);
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.8),
      summary: helm
        ? 'The Helm release is held: another install/upgrade/rollback of it is running, or an earlier one was interrupted and left it pending (or the name is still in use by a release).'
        : terminating
          ? 'The namespace is being deleted (by another run, or the teardown of an earlier one), so nothing new can be created in it.'
          : 'An engine network, volume or endpoint of the same name already exists: a leftover of an earlier run or another process using the same env.',
      evidence: lines,
      actions: helm
        ? [
            'helm list --all --all-namespaces   # a release in pending-install/pending-upgrade/pending-rollback',
            'helm history <release> -n <namespace>',
            'helm rollback <release> <last deployed revision>   # or helm uninstall, if no other run is using it',
          ]
        : terminating
          ? ['kubectl get namespace -o wide', 'wait for the deletion to finish, or find the run that deletes it']
          : [`${cmd} network ls; ${cmd} volume ls`, `${cmd} ps -a --format '{{.Names}} {{.Networks}}'`],
    };
  },
};

/** An object of the deploy that already exists (CREATED), or nothing. */
function leftover(input: TriageInput): Match | undefined {
  // The tools tarmac runs (kubectl, helm), not a pod's log: a controller may log another object's conflict.
  const lines = outputMatching(input, CREATED, 2, ['deploy', 'test', 'hook', 'run']);
  if (lines.length === 0) return undefined;
  const helm = /a resource that already exists|cannot be imported/i.test(lines.join('\n'));
  return {
    confidence: conf(helm ? 0.7 : 0.6),
    summary: `An object the deploy creates already exists${helm ? ', owned by no release of this one' : ''}: most often a leftover of an earlier run (or of another release) in the same cluster, else a manifest that creates it twice.`,
    evidence: lines,
    actions: [
      'kubectl get <kind> <name> -o yaml   # its labels, annotations and creation time say who made it',
      "delete the leftover (or the earlier run's namespace) and run again; create objects idempotently (kubectl apply)",
    ],
  };
}
