import { conf, engineCmd, failureLinesMatching, pods, quote } from "./evidence-facts.js";
import { errorFact, failedSteps } from "./journal-facts.js";
const DENIED = /invalid status code from registry 40[13]|\b40[13] \((Unauthorized|Forbidden)\)|unauthorized: authentication required|denied: requested access to the resource is denied|(pull|push) access denied|no basic auth credentials|unable to retrieve auth token|incorrect username or password|\bunauthorized: |(?:blobs\/uploads|manifests|\/v2\/)\S* in \S+: denied: /i;
const registryAuth = {
  id: "registry-auth",
  title: "The registry refused the credentials (401/403)",
  refs: ["research-kubernaut \xA73 #10", "research-kubernaut \xA73 #11"],
  match(input) {
    const coded = failedSteps(input.run).filter((f) => f.error?.code === "REGISTRY_AUTH");
    const lines = failureLinesMatching(input, DENIED, 3);
    const podLines = pods(input).flatMap(
      (p) => p.events.filter((e) => DENIED.test(e)).map((e) => quote(`events ${p.name}`, e))
    );
    if (coded.length === 0 && lines.length === 0 && podLines.length === 0) return void 0;
    const sure = coded.length > 0 || [...lines, ...podLines].some(
      (l) => /40[13]|unauthorized|authentication required|no basic auth credentials|: denied: (?!requested access)/i.test(l)
    );
    const host = input.run.env?.registryUrl?.split("/")[0] ?? (coded[0] && errorFact(coded[0], "registry")?.host) ?? "<registry>";
    const cmd = engineCmd(input);
    const inCluster = podLines.length > 0;
    return {
      // Below image-pull-failed's 0.45 for the same ambiguous text: a missing repository is the likelier reading.
      confidence: conf(sure ? 0.9 : 0.4),
      explains: ["registry-auth", "permission"],
      summary: inCluster ? `The cluster's nodes cannot pull from ${host}: they have no credentials for it (kind nodes do not share the engine's login).` : `The registry ${host} refused the request: ${cmd} is not logged in to it (docker and podman keep separate credential stores).`,
      evidence: [
        ...coded.map((f) => quote(`journal ${f.stepId} [REGISTRY_AUTH]`, f.error?.message ?? "")),
        ...lines,
        ...podLines
      ],
      actions: inCluster ? [
        "pull the image on the host and deliver it with kind load (tarmac does so when registry.url is set)",
        `${cmd} login ${host}`
      ] : [
        `${cmd} login ${host}`,
        "or set registry.username in tarmac.yaml and TARMAC_REGISTRY_PASSWORD in the environment"
      ]
    };
  }
};
export {
  registryAuth
};
//# sourceMappingURL=registry-auth.js.map
