import { bareId, num, obj, parseJson, str, stringList, stringMap } from "./json-fields.js";
function parseImageInspect(result) {
  const parsed = parseJson(result);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item) => {
    const image = obj(item);
    const labels = image.Labels ?? obj(image.Config).Labels;
    const created = str(image.Created);
    return {
      id: bareId(str(image.Id) ?? ""),
      tags: stringList(image.RepoTags),
      sizeBytes: num(image.Size) ?? 0,
      labels: stringMap(labels),
      ...created === void 0 ? {} : { created }
    };
  });
}
function parseIdLines(stdout) {
  return stdout.split("\n").map((line) => line.trim()).filter((line) => /^(sha256:)?[0-9a-f]{12,64}$/.test(line)).map(bareId);
}
function hasLabels(labels, wanted) {
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}
const MISSING_IMAGE = /image not known|no such image/i;
function isMissingImage(result) {
  return result.exitCode === 1 && result.stderr.trim() === "" || MISSING_IMAGE.test(result.stderr);
}
export {
  hasLabels,
  isMissingImage,
  parseIdLines,
  parseImageInspect
};
//# sourceMappingURL=parse-images.js.map
