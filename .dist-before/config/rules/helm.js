import { statSync } from "node:fs";
import path from "node:path";
import { entries, text, texts } from "./raw.js";
const HELM_ONLY = ["release", "valuesFiles", "values", "set"];
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function checkHelm(ctx) {
  const errors = [];
  for (const { index, item } of entries(ctx.data, "deploy")) {
    const chart = text(item, "chart");
    if (chart === void 0) {
      for (const key of HELM_ONLY.filter((k) => item[k] !== void 0))
        errors.push({
          path: ["deploy", index, key],
          atKey: true,
          message: `\`${key}\` is a Helm setting, but this deploy group has no \`chart\``,
          hint: "Add `chart: <chart directory or .tgz>`, or remove the Helm settings."
        });
      continue;
    }
    const chartProblem = problemWithChart(path.resolve(ctx.dir, chart));
    if (chartProblem)
      errors.push({
        path: ["deploy", index, "chart"],
        message: `Helm chart \`${chart}\` ${chartProblem}`,
        hint: `Point \`chart\` at a chart directory (with Chart.yaml) or a packaged .tgz, relative to ${ctx.fileName}.`
      });
    const groupName = text(item, "name");
    if (item.release === void 0 && groupName !== void 0 && !RELEASE_NAME.test(groupName))
      errors.push({
        path: ["deploy", index, "name"],
        message: `The release name defaults to the group name \`${groupName}\`, which Helm refuses (only lowercase letters, digits and "-")`,
        hint: "Set `release:` to a name such as `" + groupName.replace(/[^a-z0-9-]/g, "-") + "`."
      });
    for (const file of texts(item, "valuesFiles")) {
      const info = statSync(path.resolve(ctx.dir, file.value), { throwIfNoEntry: false });
      if (info?.isFile() === true) continue;
      errors.push({
        path: ["deploy", index, "valuesFiles", file.index],
        message: `Helm values file \`${file.value}\` ${info === void 0 ? "does not exist" : "is not a file"}`,
        hint: `Create it or fix the path; relative paths are resolved against the directory of ${ctx.fileName}.`
      });
    }
  }
  return { errors, warnings: [] };
}
function problemWithChart(abs) {
  const info = statSync(abs, { throwIfNoEntry: false });
  if (info === void 0) return "does not exist";
  if (info.isDirectory())
    return statSync(path.join(abs, "Chart.yaml"), { throwIfNoEntry: false })?.isFile() === true ? void 0 : "is a directory without Chart.yaml";
  return /\.tgz$|\.tar\.gz$/.test(abs) ? void 0 : "is a file but not a packaged chart (.tgz)";
}
export {
  checkHelm
};
//# sourceMappingURL=helm.js.map
