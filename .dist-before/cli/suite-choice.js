import { ExitCode, TarmacError } from "../errors/errors.js";
import { chooseSuites } from "../plan/suites-plan.js";
function chosenSuites(env, names) {
  if (!env.suites || env.suites.length === 0)
    throw new TarmacError("NO_SUITES", `${env.file} declares no suites`, {
      exitCode: ExitCode.usage,
      hint: 'Add a `suites:` list to tarmac.yaml (see README, "suites"), or run `tarmac up` for the single env.'
    });
  const wanted = names && names.length > 0 ? names : env.suites.map((s) => s.name);
  return chooseSuites(env, wanted).map((s) => s.name);
}
function parseSuiteList(value) {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}
export {
  chosenSuites,
  parseSuiteList
};
//# sourceMappingURL=suite-choice.js.map
