import { conf, failureLinesMatching, quote } from "./evidence-facts.js";
import { infraMarkers } from "./infra-markers.js";
import { buildOutcome } from "../../errors/error-facts.js";
import { errorFact, failedSteps, incidents } from "./journal-facts.js";
const INFRA = /server probably quit|no space left on device|layer not known|exit status 137|\(exited 137\)|signal: killed|Cannot connect to Podman|connection refused|read\/write on closed pipe/i;
const BASE_IMAGE = /error creating build container|creating build container:|no such image|image not known|manifest unknown|failed to resolve source metadata/i;
const buildFailed = {
  id: "build-failed",
  title: "A build instruction failed (Containerfile or build context)",
  refs: ["research-kubernaut \xA73 #24", "research-kubernaut \xA73 #22"],
  match(input) {
    const builds = failedSteps(input.run).filter(
      (f) => f.error && /^(BUILD_FAILED|CONTEXT_NOT_FOUND|CONTEXT_UNREADABLE|CONTAINERFILE_UNREADABLE)$/.test(f.error.code)
    );
    if (builds.length === 0) return void 0;
    const marker = infraMarkers(input)[0];
    const baseImage = failureLinesMatching(input, BASE_IMAGE, 1, ["build"])[0];
    const infra = failureLinesMatching(input, INFRA, 1, ["build"]).length > 0 || marker !== void 0;
    const crashed = incidents(input.run, "engine-crash", "engine-lost").length > 0;
    const step = builds[0];
    const silent = (step.error?.tail ?? []).every((l) => l.trim() === "") && (input.run.stepLogs[step.stepId] ?? []).every((l) => l.trim() === "");
    const tail = (step.error?.tail ?? []).filter((l) => l.trim() !== "").slice(-4);
    const image = step.subject ?? step.stepId.replace(/^build:/, "");
    const build = errorFact(step, "build");
    const what = build ? `${build.instruction ? `at ${build.instruction} ` : ""}(${buildOutcome(build)})` : step.error?.message ?? "a build instruction failed";
    return {
      // No output at all: nothing shows that an instruction failed, only that the build did.
      confidence: conf(infra ? 0.3 : baseImage ? 0.4 : crashed ? 0.6 : silent ? 0.45 : 0.9),
      summary: `Image ${image} failed to build: ${what}. ${marker ? `The output also shows ${marker.label}: that, not the instruction, may be the cause.` : baseImage ? "The base image could not be had: see the image verdicts." : "The instruction itself failed (the Containerfile or its context), not the infrastructure."}`,
      evidence: [
        quote(`journal ${step.stepId} [${step.error?.code}]`, step.error?.message ?? ""),
        ...tail.map((l) => quote(`${step.stepId} output`, l)),
        ...builds.slice(1).map((b) => quote(`journal ${b.stepId}`, b.error?.message ?? ""))
      ],
      actions: [
        `less .tarmac/runs/${input.run.runId ?? "<run>"}/steps/${step.stepId.replace(/[^a-zA-Z0-9._-]/g, "_")}.log`,
        `tarmac build --only ${image}   # after fixing the Containerfile`
      ]
    };
  }
};
export {
  buildFailed
};
//# sourceMappingURL=build-failed.js.map
