import { delimiter, dirname, isAbsolute } from "node:path";
const FLAG_ENV = {
  podman: { "--url": "CONTAINER_HOST", "--connection": "CONTAINER_CONNECTION" },
  docker: { "-H": "DOCKER_HOST", "--host": "DOCKER_HOST", "--context": "DOCKER_CONTEXT" }
};
function engineToolEnv(name, bin, flags, env, basePath) {
  const out = { ...env };
  const twins = FLAG_ENV[name];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? "";
    const eq = flag.indexOf("=");
    const variable = twins[eq === -1 ? flag : flag.slice(0, eq)];
    if (variable === void 0) continue;
    const value = eq === -1 ? flags[++i] : flag.slice(eq + 1);
    if (value !== void 0) out[variable] = value;
  }
  if (isAbsolute(bin)) out.PATH = [dirname(bin), out.PATH ?? basePath ?? ""].filter(Boolean).join(delimiter);
  return out;
}
export {
  engineToolEnv
};
//# sourceMappingURL=tool-env.js.map
