import { checkNamedList } from "./references.js";
import { entries, isRawMap } from "./raw.js";
const DEFAULT_CAPACITY = 2;
function checkImages(ctx) {
  const errors = checkNamedList(ctx.data, {
    listKey: "images",
    refKey: "dependsOn",
    noun: "Image",
    duplicateHint: "Image names must be unique; rename one of them.",
    cycleHint: "Each image is built FROM the images in its `dependsOn`, so the chain must end; remove one of these entries."
  });
  return { errors, warnings: heavyImages(ctx.data) };
}
function heavyImages(data) {
  const build = isRawMap(data) ? data.build : void 0;
  const configured = isRawMap(build) ? build.capacity : void 0;
  const capacity = typeof configured === "number" ? configured : DEFAULT_CAPACITY;
  return entries(data, "images").flatMap(({ index, item }) => {
    const weight = item.weight;
    if (typeof weight !== "number" || weight <= capacity) return [];
    return [
      {
        path: ["images", index, "weight"],
        message: `Weight ${weight} is above build.capacity ${capacity}; this build will run alone`,
        hint: `Nothing else builds while it runs. Lower the weight to ${capacity} or raise build.capacity if it can share the engine.`
      }
    ];
  });
}
export {
  checkImages
};
//# sourceMappingURL=images.js.map
