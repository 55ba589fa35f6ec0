import { TarmacError, ExitCode } from "../../errors/errors.js";
import { LABEL_IMAGE, LABEL_VERSION, envLabels } from "../../engines/labels.js";
import { buildFailure } from "./build-failure.js";
function baseImageArg(name) {
  return `TARMAC_IMAGE_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function buildImageExecutor(deps) {
  return async (step, ctx) => {
    const spec = deps.images.get(step.subject);
    const ref = deps.refs.get(step.subject);
    if (!spec || !ref)
      throw new TarmacError("INTERNAL", `no image spec for ${step.subject}`, { exitCode: ExitCode.internal });
    const args = { ...spec.args };
    for (const base of spec.dependsOn) {
      const baseRef = deps.refs.get(base);
      if (baseRef) args[baseImageArg(base)] = baseRef;
    }
    const build = (noCache = false) => deps.engine.build({
      tag: ref,
      contextDir: spec.contextDir,
      containerfile: spec.containerfile,
      args,
      ...spec.target ? { target: spec.target } : {},
      labels: { ...envLabels(deps.envName, deps.runId), [LABEL_IMAGE]: spec.name, [LABEL_VERSION]: deps.version },
      ...noCache ? { noCache } : {},
      signal: ctx.signal,
      onLine: ctx.output
    });
    let result = await build();
    if (!result.ok && !ctx.signal.aborted && storageRace(result.tail)) {
      ctx.output(
        `tarmac: the engine's image store changed under the build (layer not known); building ${spec.name} once more without the layer cache`
      );
      result = await build(true);
    }
    if (!result.ok) throw buildFailure(spec.name, result, step.id, deps.engine.name);
    if (!await deps.engine.imageExists(ref, ctx.signal)) {
      throw new TarmacError(
        "BUILD_NOT_VERIFIED",
        `the build of ${spec.name} exited 0 but ${ref} does not exist in the engine`,
        {
          stepId: step.id,
          details: result.tail.slice(-10),
          hint: "Check the engine with `tarmac doctor`; run the build again."
        }
      );
    }
    return { state: "succeeded", detail: ref };
  };
}
function storageRace(tail) {
  return tail.some(
    (line) => /layer not known/.test(line) || /image not known/.test(line) && /checking if cached image exists|locating image with ID/.test(line)
  );
}
export {
  baseImageArg,
  buildImageExecutor,
  storageRace
};
//# sourceMappingURL=build-image.js.map
