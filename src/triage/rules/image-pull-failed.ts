// A pod cannot get its image: ErrImagePull / ImagePullBackOff / ErrImageNeverPull, or a load that did not stick.
import type { Match, Rule, TriageInput } from '../types.js';
import {
  clusterName,
  conf,
  engineCmd,
  failureLines,
  failureLinesMatching,
  failureTexts,
  pods,
  quote,
} from './evidence-facts.js';
import { firstImageReference } from './image-ref.js';
import { errorFact, failedSteps } from './journal-facts.js';

/** Kubernetes' and kubectl's words for an image the node cannot get. */
const PULL =
  /ImagePullBackOff|ErrImagePull|ErrImageNeverPull|IMAGE_PULL_FAILED|is not present with pull policy of Never/i;
/**
 * The registry's or the engine's words for an image that is not there: OCI distribution's MANIFEST_UNKNOWN /
 * NAME_UNKNOWN, "not found", podman's "image not known", docker's "No such image", a missing platform. Without them a
 * failed pull names no cause (the engine may have dropped the call, the network may have failed it).
 */
const NOT_SERVED =
  /manifest unknown|name unknown|not found|does not exist|no such image|image not known|not present|ErrImageNeverPull|NotFound|no matching manifest|repository name not known/i;
/** Credentials problems have their own rule (registry-auth). */
const AUTH =
  /unauthorized|authentication required|\b401\b|\b403\b|Forbidden|may require authorization|pull access denied/i;

/**
 * A build that could not pull its base image (FROM), in the builders' words: BuildKit's `failed to resolve source
 * metadata for REF`, podman's `creating build container: initializing source docker://REF`, docker's classic
 * `manifest for REF not found`. With NOT_SERVED words it is an image the registry does not serve.
 */
const BASE_PULL =
  /failed to resolve source metadata for|creating build container: (?:initializing source|reading manifest)|manifest for \S+ not found|pull access denied for \S+, repository does not exist/i;

/** kind pulling its node image (`failed to pull image "kindest/node:v1.99.0": command "docker pull ..." failed`). */
const NODE_IMAGE_PULL = /failed to pull image \\?"?([^"\s\\]+)\\?"?: command "(?:docker|podman|nerdctl) pull /i;

export const imagePullFailed: Rule = {
  id: 'image-pull-failed',
  title: 'A pod cannot get its image (ImagePullBackOff, ErrImageNeverPull, not on the node)',
  refs: ['research-kind-podman §B 20', 'research-kubernaut §3 #11'],
  match(input: TriageInput): Match | undefined {
    // Kubernetes' words, or the message of an error whose code or fact says a pull failed.
    const lines = failureLines(
      input,
      (line, step) =>
        PULL.test(line.text) ||
        (line.part === 'message' &&
          (step.error?.code === 'IMAGE_PULL_FAILED' || errorFact(step, 'image-pull') !== undefined)),
      4,
      ['deploy', 'deliver'],
    );
    const notVerified = failedSteps(input.run).filter(
      (f) => f.error?.code === 'DELIVERY_NOT_VERIFIED' || f.error?.code === 'IMAGE_PULL_FAILED',
    );
    // A kubelet `Failed to pull image` event counts too: the pod may not show a waiting reason yet.
    const stuck = pods(input).filter(
      (p) =>
        p.reasons.some((r) => /ImagePullBackOff|ErrImagePull|ErrImageNeverPull/.test(r)) ||
        p.events.some((e) => /Failed to pull image/.test(e)),
    );
    // The build's FROM image, when the builder says the registry does not serve it (a pull it made itself).
    // Docker Hub's DENIED for the FROM image (podman prints it on the next lines) is that answer too, or a private image.
    const hubDenied = failureTexts(input, /requested access to the resource is denied/i, 1).length > 0;
    const base = failureLines(input, (l) => BASE_PULL.test(l.text) && (NOT_SERVED.test(l.text) || hubDenied), 2, [
      'build',
    ]);
    // kind's pull of its node image, when the registry's answer (in the same step's output) says it does not serve it.
    const nodeImage =
      failureTexts(input, NOT_SERVED, 1).length > 0 || hubDenied
        ? failureLines(input, (l) => NODE_IMAGE_PULL.test(l.text), 1, ['cluster'])
        : [];
    const pulledByKind = [...base, ...nodeImage];
    if (lines.length === 0 && notVerified.length === 0 && stuck.length === 0 && pulledByKind.length === 0)
      return undefined;
    const auth =
      failureLinesMatching(input, AUTH, 1).length > 0 || stuck.some((p) => p.events.some((e) => AUTH.test(e)));
    // A pod stuck pulling is the kubelet's verdict; a failed pull step claims "not served" only with the words for it.
    const specific =
      stuck.length > 0 ||
      pulledByKind.length > 0 ||
      failureTexts(input, NOT_SERVED, 1).length > 0 ||
      failureLinesMatching(input, /ErrImageNeverPull|pull policy of Never|ImagePullBackOff|ErrImagePull/, 1).length > 0;
    const pod = stuck[0];
    const image = firstImageReference([
      ...(pod?.images ?? []),
      /image "?([^"\s]+)"?/.exec(lines.join('\n'))?.[1],
      /(?:metadata for|docker:\/\/|manifest for) ([^\s:"]+(?::[\w.-]+)?)/.exec(base.join('\n'))?.[1],
      NODE_IMAGE_PULL.exec(nodeImage.join('\n'))?.[1],
    ]);
    const name = clusterName(input);
    const cmd = engineCmd(input);
    const never = [...lines, ...(pod?.reasons ?? [])].some((l) => /ErrImageNeverPull|pull policy of Never/.test(l));
    const kind = input.run.env?.target !== 'podman';
    return {
      confidence: conf(auth || !specific ? 0.45 : 0.85),
      // A registry that refused the pull is one of the two readings this verdict names (a private image), so its
      // refusal is accounted for: registry-auth ranks below at 0.4 unless a credential signal makes it sure.
      ...(auth ? { explains: ['registry-auth' as const] } : {}),
      summary:
        nodeImage.length > 0 && lines.length === 0 && stuck.length === 0
          ? `kind's node image ${image ?? '?'} could not be pulled: its registry does not serve it (a node image tag that was never published for this kind version, or a misspelt --image).`
          : base.length > 0 && lines.length === 0 && stuck.length === 0
            ? `The build's base image ${image ?? '?'} could not be pulled: its registry does not serve it (a misspelt name, a tag that was never pushed, or a private image).`
            : never
              ? `Image ${image ?? '?'} is not on the node and imagePullPolicy: Never forbids pulling it: it was not delivered under exactly this name.`
              : `${pod ? `Pod ${pod.name}` : 'A pod'} cannot pull image ${image ?? '?'}: it is not on the ${kind ? 'node' : 'engine'} and its registry does not serve it (a name mismatch such as localhost/foo vs docker.io/library/foo, a :latest tag, or a missing delivery).`,
      evidence: [
        ...lines,
        ...pulledByKind,
        ...notVerified.map((f) => quote(`journal ${f.stepId} [${f.error?.code}]`, f.error?.message ?? '')),
        ...stuck.flatMap((p) => [
          quote(`pod ${p.name}`, `${p.reasons.join(', ')}; images ${p.images.join(', ')}`),
          ...p.events.slice(-2).map((e) => quote(`events ${p.name}`, e)),
        ]),
      ],
      actions: kind
        ? [
            `${cmd} exec ${name}-control-plane crictl images | grep -F '${(image ?? '').split(':')[0]?.split('/').pop() ?? ''}'`,
            `kubectl --context kind-${name} get events -A --field-selector reason=Failed`,
            'use the exact reference tarmac delivers (localhost/NAME:TAG) in the manifest, with imagePullPolicy: IfNotPresent or Never',
          ]
        : [
            `${cmd} image inspect ${image ?? '<image>'}`,
            "fix the manifest's image: to an image tarmac builds, or one its registry serves",
          ],
    };
  },
};
