// The registry refused tarmac or the nodes: 401/403, not logged in with this engine's credential store.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engineCmd, failureLinesMatching, failureTexts, pods, quote, workloadFailed } from './evidence-facts.js';
import { errorFact, failedSteps, stepLines } from './journal-facts.js';

/**
 * The registries' and clients' refusals: docker/podman ("unauthorized: ...", "denied: ...", "no basic auth
 * credentials"), and containerd's, as kind nodes report them (its authorizer: "failed to authorize: failed to fetch
 * anonymous|oauth token: unexpected status: 401 Unauthorized"); podman login's "invalid username/password"; and the
 * docker credential helper that failed or is missing ("error getting credentials - err: exec: "docker-credential-desktop":
 * executable file not found in $PATH"). docker prints the registry's DENIED code as a line of its own (`denied: access
 * forbidden`); containerd's resolver `unexpected status from HEAD request to URL: 403 Forbidden`; the kubelet's event
 * for a pull secret it could not read (FailedToRetrieveImagePullSecret). GitHub's registry (ghcr.io) names the package
 * permission the token lacks (`denied: permission_denied: write_package`, `permission_denied: The token provided does
 * not match expected scopes`) or the GitHub App installation's (`denied: installation not allowed to Write organization
 * package`).
 */
const DENIED =
  /failed to authorize: failed to fetch (?:anonymous|oauth) token|unexpected status(?: code)?:? 401\b|\b401 Unauthorized\b|invalid status code from registry 40[13]|\b40[13] \((Unauthorized|Forbidden)\)|unauthorized: authentication required|denied: requested access to the resource is denied|(pull|push) access denied|no basic auth credentials|unable to retrieve auth token|incorrect username or password|invalid username\/password|insufficient_scope|unexpected status(?: code)?:? (?:\S+: )?40[13] (?:Unauthorized|Forbidden)|error (?:getting|storing|listing) credentials - err:|\bunauthorized: |(?:blobs\/uploads|manifests|\/v2\/)\S* in \S+: denied: |^denied: |unexpected status from \w+ request to \S+: 40[13]\b|FailedToRetrieveImagePullSecret|Unable to retrieve some image pull secrets|\bpermission_denied: (?:\w+_package\b|The token provided does not match expected scopes)|installation not allowed to \w+ organization package/im;
/**
 * ghcr.io refusing a write (a push creates or writes a package) or a token without the scope it needs: the credential's
 * permission, never a missing repository. (Its `read_package` on a pull is left to the ambiguous reading.)
 */
const GHCR_WRITE =
  /permission_denied: (?:(?:write|create|delete)_package\b|The token provided does not match expected scopes)|installation not allowed to (?:Write|Create) organization package/i;

/**
 * What only a container registry or an engine's login prints: the distribution API's paths, an image reference's
 * transport, the engines' pull and login words, the token service. A refusal without any of these inside a RUN step is
 * the step's own tool refused by its own server (a NuGet feed's `Response status code does not indicate success: 401
 * (Unauthorized)`, npm's `E401`): credentials for a package feed, not the engine's registry login.
 */
const CONTAINER_REGISTRY =
  /\/v2\/|manifests?\b|docker:\/\/|pull access denied|push access denied|authentication required|no basic auth credentials|insufficient_scope|fetch (?:anonymous|oauth) token|requested access to the resource|credentials - err:|Error response from daemon|initializing source|image pull secrets?|permission_denied|organization package/i;

/** Every refusal the rule found is a RUN instruction's own tool's (the builder blamed the step; no registry words). */
function refusedInsideRun(input: TriageInput): boolean {
  const steps = failedSteps(input.run).filter((step) =>
    stepLines(input.run, step).some((line) => DENIED.test(line.text)),
  );
  return (
    steps.length > 0 &&
    steps.every(
      (step) =>
        step.kind === 'build' &&
        workloadFailed(input, step) &&
        stepLines(input.run, step).every((line) => !DENIED.test(line.text) || !CONTAINER_REGISTRY.test(line.text)),
    )
  );
}

export const registryAuth: Rule = {
  id: 'registry-auth',
  title: 'The registry refused the credentials (401/403)',
  refs: ['research-kubernaut §3 #10', 'research-kubernaut §3 #11'],
  match(input: TriageInput): Match | undefined {
    const coded = failedSteps(input.run).filter((f) => f.error?.code === 'REGISTRY_AUTH');
    const lines = failureLinesMatching(input, DENIED, 3);
    const podLines = pods(input).flatMap((p) =>
      p.events.filter((e) => DENIED.test(e)).map((e) => quote(`events ${p.name}`, e)),
    );
    if (coded.length === 0 && lines.length === 0 && podLines.length === 0) return undefined;
    // "pull access denied" is also what a registry says for a repository that does not exist: less sure then.
    // A push refused with "requested access to the resource is denied" is docker's answer to a push without
    // (enough) credentials: there, unlike a pull, it cannot mean a missing repository.
    // Blob uploads happen only on a push (the distribution API's POST /v2/<name>/blobs/uploads/).
    const pushing =
      failureTexts(input, /\bpush(?:ing|ed)?\b|The push refers to repository|blobs\/uploads|layer upload/i, 1).length >
      0;
    // On a pull, Docker Hub's DENIED ("requested access to the resource is denied") comes with UNAUTHORIZED
    // ("authentication required") for a repository that does not exist as well as for a private one (podman prints
    // both; podman#1195: "the registries don't tell us one way or another"): that pair alone is no credential signal.
    const hubDenied = !pushing && failureTexts(input, /requested access to the resource is denied/i, 1).length > 0;
    // Quay answers a pull of a repository that does not exist, like a private one, with UNAUTHORIZED (`unauthorized:
    // access to the requested resource is not authorized`): alone on a pull it is no credential signal either.
    const credentialWords = (l: string) =>
      (hubDenied ? l.replace(/unauthorized: authentication required/gi, '') : l).replace(
        pushing ? /$^/ : /unauthorized: access to the requested resource is not authorized/gi,
        '',
      );
    // ghcr.io refusing a write comes to a client that is logged in: its token lacks the permission.
    const ghcrWrite = failureTexts(input, GHCR_WRITE, 1).length > 0;
    const sure =
      coded.length > 0 ||
      (pushing && failureTexts(input, /requested access to the resource is denied/i, 1).length > 0) ||
      (pushing && failureTexts(input, /^denied: /m, 1).length > 0) ||
      ghcrWrite ||
      [...failureTexts(input, DENIED, 6), ...podLines].map(credentialWords).some(
        (l) =>
          /40[13]|unauthorized|authentication required|no basic auth credentials|invalid username|credentials - err:|insufficient_scope|: denied: (?!requested access)|image pull secrets/i.test(
            l,
          ) &&
          // Docker Hub answers a repository that does not exist with the same insufficient_scope (README: two causes).
          !(/insufficient_scope/i.test(l) && /repository does not exist/i.test(l) && !/40[13]|unauthorized: /i.test(l)),
      );
    // A RUN step's package manager refused by its feed: below build-dependency-download's reading of the same answer.
    const feedOnly = coded.length === 0 && podLines.length === 0 && refusedInsideRun(input);
    const host =
      input.run.env?.registryUrl?.split('/')[0] ?? (coded[0] && errorFact(coded[0], 'registry')?.host) ?? '<registry>';
    const cmd = engineCmd(input);
    const inCluster = podLines.length > 0;
    return {
      // Below image-pull-failed's 0.45 for the same ambiguous text: a missing repository is the likelier reading.
      confidence: conf(feedOnly ? 0.3 : sure ? 0.9 : 0.4),
      explains: ['registry-auth', 'permission'],
      summary: inCluster
        ? `The cluster's nodes cannot pull from ${host}: they have no credentials for it (kind nodes do not share the engine's login).`
        : feedOnly
          ? `A RUN step's own tool was refused by its server (401/403): the credentials of that package feed inside the build, not ${cmd}'s registry login.`
          : ghcrWrite
            ? `The registry ${host} refused the write: the token ${cmd} logged in with lacks the permission (a GitHub token needs packages: write, and the package must grant this repository access).`
            : `The registry ${host} refused the request: ${cmd} is not logged in to it (docker and podman keep separate credential stores).`,
      evidence: [
        ...coded.map((f) => quote(`journal ${f.stepId} [REGISTRY_AUTH]`, f.error?.message ?? '')),
        ...lines,
        ...podLines,
      ],
      actions: inCluster
        ? [
            'pull the image on the host and deliver it with kind load (tarmac does so when registry.url is set)',
            `${cmd} login ${host}`,
          ]
        : [
            `${cmd} login ${host}`,
            'or set registry.username in tarmac.yaml and TARMAC_REGISTRY_PASSWORD in the environment',
          ],
    };
  },
};
