import { asString, dig } from "./json-access.js";
import { parseManifests } from "./parse-manifests.js";
const SOURCE = /^# Source: (.+)$/;
function parseHelmOutput(yaml, shown) {
  const sources = yaml.split("\n").flatMap((text, index) => {
    const match = SOURCE.exec(text.trimEnd());
    return match?.[1] === void 0 ? [] : [{ line: index + 1, source: match[1] }];
  });
  return parseManifests(yaml, `helm template ${shown}`).filter((item) => !isTestHook(item.object)).map((item) => {
    const from = sources.filter((s) => s.line < item.line).at(-1);
    return from === void 0 ? item : { ...item, file: `${from.source} (chart ${shown})`, line: item.line - from.line };
  });
}
function isTestHook(object) {
  const hooks = asString(dig(object, "metadata", "annotations", "helm.sh/hook"));
  return hooks?.split(",").some((hook) => hook.trim().startsWith("test")) ?? false;
}
export {
  parseHelmOutput
};
//# sourceMappingURL=helm-output.js.map
