import { TarmacError } from "../../errors/errors.js";
function mayPull(ref, pullPolicy) {
  return pullPolicy !== "Never" && !ref.startsWith("localhost/");
}
async function assertImagesPresent(engine, units, group, signal) {
  const missing = [];
  const checked = /* @__PURE__ */ new Map();
  for (const unit of units) {
    for (const image of unit.images) {
      if (mayPull(image.ref, image.pullPolicy)) continue;
      let present = checked.get(image.ref);
      if (present === void 0) checked.set(image.ref, present = await engine.imageExists(image.ref, signal));
      if (!present)
        missing.push(
          `${image.ref}: container ${image.container} of ${unit.workload.kind}/${unit.workload.name} (${unit.source})`
        );
    }
  }
  if (missing.length === 0) return;
  const first = missing[0]?.split(": ")[0] ?? "";
  throw new TarmacError(
    "IMAGE_NOT_FOUND",
    `deploy group ${group}: image ${first}${missing.length > 1 ? ` and ${missing.length - 1} more` : ""} does not exist in podman's image store`,
    {
      details: missing,
      hint: "Build or deliver the image first (tarmac up does both), or fix the image name in the manifest. Local images (localhost/...) and imagePullPolicy: Never are never pulled."
    }
  );
}
export {
  assertImagesPresent,
  mayPull
};
//# sourceMappingURL=image-check.js.map
