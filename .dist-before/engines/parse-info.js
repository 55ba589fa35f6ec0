import { num, obj, parseJson, str, stringList } from "./json-fields.js";
function parsePodmanInfo(result) {
  const raw = parseJson(result);
  const info = obj(raw);
  const host = obj(info.host);
  const storageRoot = str(obj(info.store).graphRoot);
  return {
    name: "podman",
    version: str(obj(info.version).Version) ?? "unknown",
    remote: host.serviceIsRemote === true,
    rootless: obj(host.security).rootless === true,
    ...optional("storageRoot", storageRoot),
    ...optional("cpus", num(host.cpus)),
    ...optional("memTotalBytes", num(host.memTotal)),
    raw
  };
}
function parseDockerInfo(result) {
  const raw = parseJson(result);
  const info = obj(raw);
  return {
    name: "docker",
    version: str(info.ServerVersion) || "unknown",
    remote: true,
    rootless: stringList(info.SecurityOptions).some((option) => option.includes("name=rootless")),
    ...optional("storageRoot", str(info.DockerRootDir) || void 0),
    ...optional("cpus", num(info.NCPU) || void 0),
    ...optional("memTotalBytes", num(info.MemTotal) || void 0),
    raw
  };
}
function parseVersion(result) {
  const version = obj(parseJson(result));
  const server = version.Server === null ? {} : obj(version.Server);
  return { client: str(obj(version.Client).Version), server: str(server.Version) };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
export {
  parseDockerInfo,
  parsePodmanInfo,
  parseVersion
};
//# sourceMappingURL=parse-info.js.map
