import { clusterName, conf, engineCmd, failureLines, failureLinesMatching, pods, quote } from "./evidence-facts.js";
import { firstImageReference } from "./image-ref.js";
import { errorFact, failedSteps } from "./journal-facts.js";
const PULL = /ImagePullBackOff|ErrImagePull|ErrImageNeverPull|IMAGE_PULL_FAILED|is not present with pull policy of Never/i;
const AUTH = /unauthorized|authentication required|\b401\b|\b403\b|Forbidden|may require authorization|pull access denied/i;
const imagePullFailed = {
  id: "image-pull-failed",
  title: "A pod cannot get its image (ImagePullBackOff, ErrImageNeverPull, not on the node)",
  refs: ["research-kind-podman \xA7B 20", "research-kubernaut \xA73 #11"],
  match(input) {
    const lines = failureLines(
      input,
      (line, step) => PULL.test(line.text) || line.part === "message" && (step.error?.code === "IMAGE_PULL_FAILED" || errorFact(step, "image-pull") !== void 0),
      4,
      ["deploy", "deliver"]
    );
    const notVerified = failedSteps(input.run).filter(
      (f) => f.error?.code === "DELIVERY_NOT_VERIFIED" || f.error?.code === "IMAGE_PULL_FAILED"
    );
    const stuck = pods(input).filter(
      (p) => p.reasons.some((r) => /ImagePullBackOff|ErrImagePull|ErrImageNeverPull/.test(r)) || p.events.some((e) => /Failed to pull image/.test(e))
    );
    if (lines.length === 0 && notVerified.length === 0 && stuck.length === 0) return void 0;
    const auth = failureLinesMatching(input, AUTH, 1).length > 0 || stuck.some((p) => p.events.some((e) => AUTH.test(e)));
    const pod = stuck[0];
    const image = firstImageReference([...pod?.images ?? [], /image "?([^"\s]+)"?/.exec(lines.join("\n"))?.[1]]);
    const name = clusterName(input);
    const cmd = engineCmd(input);
    const never = [...lines, ...pod?.reasons ?? []].some((l) => /ErrImageNeverPull|pull policy of Never/.test(l));
    const kind = input.run.env?.target !== "podman";
    return {
      confidence: conf(auth ? 0.45 : 0.85),
      summary: never ? `Image ${image ?? "?"} is not on the node and imagePullPolicy: Never forbids pulling it: it was not delivered under exactly this name.` : `${pod ? `Pod ${pod.name}` : "A pod"} cannot pull image ${image ?? "?"}: it is not on the ${kind ? "node" : "engine"} and its registry does not serve it (a name mismatch such as localhost/foo vs docker.io/library/foo, a :latest tag, or a missing delivery).`,
      evidence: [
        ...lines,
        ...notVerified.map((f) => quote(`journal ${f.stepId} [${f.error?.code}]`, f.error?.message ?? "")),
        ...stuck.flatMap((p) => [
          quote(`pod ${p.name}`, `${p.reasons.join(", ")}; images ${p.images.join(", ")}`),
          ...p.events.slice(-2).map((e) => quote(`events ${p.name}`, e))
        ])
      ],
      actions: kind ? [
        `${cmd} exec ${name}-control-plane crictl images | grep -F '${(image ?? "").split(":")[0]?.split("/").pop() ?? ""}'`,
        `kubectl --context kind-${name} get events -A --field-selector reason=Failed`,
        "use the exact reference tarmac delivers (localhost/NAME:TAG) in the manifest, with imagePullPolicy: IfNotPresent or Never"
      ] : [
        `${cmd} image inspect ${image ?? "<image>"}`,
        "fix the manifest's image: to an image tarmac builds, or one its registry serves"
      ]
    };
  }
};
export {
  imagePullFailed
};
//# sourceMappingURL=image-pull-failed.js.map
