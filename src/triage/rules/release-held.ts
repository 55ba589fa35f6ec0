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
 */
const HELD =
  /another operation \(install\/upgrade\/rollback\) is in progress|cannot re-use a name that is still in use|unable to create new content in namespace \S+ because it is being terminated|(?:network|volume) with name \S+ already exists|endpoint with name \S+ already exists in network/i;

export const releaseHeld: Rule = {
  id: 'release-held',
  title: "Another run or process holds the env's release, namespace or engine name",
  refs: ['helm: action.errPending / errInstallNameInUse', 'corpus: env-held'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, HELD, 2);
    if (lines.length === 0) return undefined;
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
