import { checkDeploy } from "./deploy.js";
import { checkHelm } from "./helm.js";
import { checkHooks } from "./hooks.js";
import { checkImages } from "./images.js";
import { checkPaths } from "./paths.js";
import { checkSuites } from "./suites.js";
import { checkWritePaths } from "./write-paths.js";
const RULES = [
  checkImages,
  checkDeploy,
  checkHelm,
  checkHooks,
  checkPaths,
  checkWritePaths,
  checkSuites
];
function runRules(ctx) {
  const outputs = RULES.map((rule) => rule(ctx));
  return { errors: outputs.flatMap((o) => o.errors), warnings: outputs.flatMap((o) => o.warnings) };
}
export {
  runRules
};
//# sourceMappingURL=index.js.map
