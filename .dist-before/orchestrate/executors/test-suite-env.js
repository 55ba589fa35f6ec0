import { TarmacError, ExitCode } from "../../errors/errors.js";
function serviceVar(name) {
  return `TARMAC_SERVICE_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function endpointEnv(endpoints) {
  const env = {};
  const owner = /* @__PURE__ */ new Map();
  for (const [name, url] of Object.entries(endpoints)) {
    const key = serviceVar(name);
    const other = owner.get(key);
    if (other !== void 0) {
      throw new TarmacError("ENDPOINT_ENV_CONFLICT", `services ${other} and ${name} both map to ${key}`, {
        exitCode: ExitCode.usage,
        hint: "rename one of the Services so their names differ in more than punctuation or case"
      });
    }
    owner.set(key, name);
    env[key] = url;
  }
  return env;
}
export {
  endpointEnv,
  serviceVar
};
//# sourceMappingURL=test-suite-env.js.map
