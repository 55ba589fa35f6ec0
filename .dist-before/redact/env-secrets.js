const SECRET_LAST_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "passphrase",
  "pass",
  "pwd",
  "secret",
  "token",
  "key",
  "apikey",
  "auth",
  "credential",
  "credentials"
]);
const FLAGS = /* @__PURE__ */ new Set(["true", "false", "yes", "no", "on", "off", "enabled", "disabled"]);
const MIN_VALUE_LENGTH = 4;
function looksSecret(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").split(/[_.-]+/).filter((w) => w !== "");
  const last = (words.at(-1) ?? "").toLowerCase();
  if (words.length === 1 && last === "pwd") return false;
  return SECRET_LAST_WORDS.has(last) || /(?:password|secret|token)$/.test(last);
}
function isMaskableValue(value) {
  return value !== void 0 && value.length >= MIN_VALUE_LENGTH && !FLAGS.has(value.toLowerCase());
}
function secretValues(env, processEnv) {
  const out = [];
  const add = (v) => {
    if (isMaskableValue(v)) out.push(v);
  };
  if (env?.registry?.password) out.push(env.registry.password);
  if (processEnv.TARMAC_REGISTRY_PASSWORD) out.push(processEnv.TARMAC_REGISTRY_PASSWORD);
  for (const [k, v] of Object.entries(env?.test?.env ?? {})) if (looksSecret(k)) add(v);
  for (const image of env?.images ?? []) for (const [k, v] of Object.entries(image.args)) if (looksSecret(k)) add(v);
  for (const [k, v] of Object.entries(processEnv)) if (looksSecret(k)) add(v);
  return out;
}
export {
  isMaskableValue,
  looksSecret,
  secretValues
};
//# sourceMappingURL=env-secrets.js.map
