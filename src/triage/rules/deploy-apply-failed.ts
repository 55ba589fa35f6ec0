// kubectl apply rejected an object: a missing CRD or namespace, an invalid manifest.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLinesMatching, failureTexts, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

const APPLY =
  /no matches for kind|ensure CRDs are installed first|resource mapping not found|the server doesn't have a resource type|namespaces "[^"]+" not found|error validating|error when creating|unable to read YAML as Kube|error unmarshaling JSON/i;

/** The rejection reasons that name the manifest's own fault (a kind without its CRD, a missing namespace, a bad object). */
const SPECIFIC =
  /no matches for kind|ensure CRDs are installed first|resource mapping not found|the server doesn't have a resource type|namespaces "[^"]+" not found|error validating|unable to read YAML as Kube|error unmarshaling JSON/i;

/**
 * kubectl's client-side validation that could not read the API server's schema (`error validating data: failed to
 * download openapi: <why>`, `error validating data: the server ...`): kubectl wraps that failure in the words of a
 * validation error, but the cause is the API's reachability or the client's credentials, not the manifest.
 */
const SCHEMA_UNREAD = /error validating data: (?:failed to download openapi|the server )/i;

export const deployApplyFailed: Rule = {
  id: 'deploy-apply-failed',
  title: 'kubectl apply rejected a manifest (missing CRD or namespace, invalid object)',
  refs: ['research-kubernaut §3 #14 (ordering)'],
  match(input: TriageInput): Match | undefined {
    // The podman target has no kubectl: a manifest `podman kube play` refuses fails the deploy step as ENGINE_COMMAND_FAILED.
    const steps = failedSteps(input.run).filter(
      (f) =>
        f.error?.code === 'DEPLOY_APPLY_FAILED' ||
        f.error?.code === 'DEPLOY_APPLY_NOT_VERIFIED' ||
        (f.kind === 'deploy' && f.error?.code === 'ENGINE_COMMAND_FAILED' && /kube play/.test(f.error.message)),
    );
    if (steps.length === 0) return undefined;
    const lines = failureLinesMatching(input, APPLY, 3, ['deploy']);
    // An apply that failed because the API is down is the cluster's problem, not the manifest's.
    const apiDown =
      failureLinesMatching(input, /connection .*refused|Unable to connect to the server|EOF/i, 1, ['deploy']).length >
        0 || failureLinesMatching(input, SCHEMA_UNREAD, 1, ['deploy']).length > 0;
    // kubectl wraps every refusal in `error when creating "file":` (quota, RBAC, admission webhooks, a namespace being
    // deleted): only the reasons below name what was wrong with the manifest itself.
    const named = failureTexts(input, SPECIFIC, 3).some((l) => !SCHEMA_UNREAD.test(l));
    const tool = steps[0]!.error?.code === 'ENGINE_COMMAND_FAILED' ? 'podman kube play' : 'kubectl apply';
    const subject = steps[0]!.subject ?? steps[0]!.stepId;
    return {
      // Without one of kubectl's rejection texts it only knows that the step failed, not why: not a confident verdict.
      confidence: conf(apiDown ? 0.35 : named ? 0.85 : 0.45),
      // An API that refused, dropped or could not serve its schema rejected nothing: the summary says so.
      summary: apiDown
        ? `${tool} of ${subject} failed before the cluster judged the manifests: its API refused or dropped the connection, or could not serve its schema.`
        : `${tool} of ${subject} was rejected: ${/no matches for kind|CRDs|resource mapping not found|doesn't have a resource type/i.test(lines.join('\n')) ? 'a custom resource was applied before its CRD' : /namespaces "/.test(lines.join('\n')) ? 'its namespace does not exist yet' : `${tool.split(' ')[0]} names the object it refused`}.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? '')),
        ...lines,
      ],
      actions: apiDown
        ? ['tarmac status   # is the cluster API answering?', 'tarmac doctor']
        : [
            'put CRDs and Namespaces in a deploy group that runs first (`after:`)',
            'tarmac validate   # checks the manifests without a cluster',
          ],
    };
  },
};
