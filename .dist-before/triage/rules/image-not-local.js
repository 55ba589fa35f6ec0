import { conf, engineCmd, failureLines, quote } from "./evidence-facts.js";
import { firstImageReference } from "./image-ref.js";
import { failedSteps } from "./journal-facts.js";
const NOT_LOCAL = /not present locally|image not known|no such image/i;
const MISSING = /* @__PURE__ */ new Set(["IMAGE_NOT_FOUND", "BUILD_NOT_VERIFIED"]);
const REF = /(?:image:? "?|image )([a-z0-9][\w./:@-]*[\w])"? (?:not present locally|does not exist)|no such image "([^"]+)"|image "([^"]+)" not known/i;
const imageNotLocal = {
  id: "image-not-local",
  title: "The image is not in the local engine store",
  refs: ["research-kind-podman \xA7B 19", "research-kubernaut \xA73 #9"],
  match(input) {
    const steps = failedSteps(input.run).filter(
      (f) => f.error && (MISSING.has(f.error.code) || NOT_LOCAL.test([f.error.message, ...f.error.tail ?? []].join("\n")))
    );
    if (steps.length === 0) return void 0;
    const step = steps[0];
    const text = [step.error?.message ?? "", ...step.error?.tail ?? []].join("\n");
    const m = REF.exec(text);
    const ref = firstImageReference([m?.[1], m?.[2], m?.[3]]);
    const cmd = engineCmd(input);
    const registry = input.run.env?.registryUrl;
    const inDeploy = step.kind === "deploy";
    return {
      confidence: conf(ref === void 0 ? 0.5 : inDeploy ? 0.85 : 0.8),
      summary: inDeploy ? `Deploy ${step.subject ?? step.stepId} references image ${ref ?? "?"}, which is not in ${cmd}'s image store and may not be pulled: the manifest names an image this config does not build, or the name differs.` : `${step.stepId} needs image ${ref ?? "?"}, but ${cmd} has no image by that name${registry ? ` (registry mode: ${registry}; nothing local exists to export)` : ""}.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? "")),
        ...failureLines(
          input,
          (line, s) => NOT_LOCAL.test(line.text) || line.part === "message" && s.error !== void 0 && MISSING.has(s.error.code),
          2
        )
      ],
      actions: [
        `${cmd} image inspect ${ref ?? "<image>"}`,
        `${cmd} images --format '{{.Repository}}:{{.Tag}}' | grep -F '${(ref ?? "").split(":")[0]?.split("/").pop() ?? ""}'`,
        inDeploy ? "fix the manifest's image: to the reference tarmac builds (localhost/NAME:TAG), or add the image to tarmac.yaml" : "run tarmac build first, or use the fully qualified reference (localhost/NAME:TAG)"
      ]
    };
  }
};
export {
  imageNotLocal
};
//# sourceMappingURL=image-not-local.js.map
