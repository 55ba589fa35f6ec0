import { LABEL_ENV, LABEL_MANAGED } from "../engines/labels.js";
async function listTarmacImages(engine, signal, envName) {
  const labels = envName === void 0 ? { [LABEL_MANAGED]: "true" } : { [LABEL_ENV]: envName, [LABEL_MANAGED]: "true" };
  try {
    return await engine.listImages(labels, signal);
  } catch {
    return await engine.listImages(labels, signal);
  }
}
export {
  listTarmacImages
};
//# sourceMappingURL=tarmac-images.js.map
