import { LABEL_ENV } from "../../engines/labels.js";
import { parseJsonList } from "./podman-cli.js";
import { isOurs } from "./names.js";
import { asNumber, asRecord, asRecords, asString, asStringMap } from "./shape.js";
async function envContainers(cli, id, signal) {
  const listed = await cli.must(
    ["ps", "-a", "--filter", `label=${LABEL_ENV}=${id.env}`, "--format", "json"],
    `Could not list the containers of env ${id.env}`,
    { signal }
  );
  const ids = parseJsonList(listed.stdout).map(asRecord).filter((c) => c && isOurs(asStringMap(c.Labels), id)).map((c) => asString(c?.Id) ?? "");
  if (ids.length === 0) return [];
  const inspected = await cli.run(["container", "inspect", ...ids], { signal });
  if (!inspected.ok) return (await Promise.all(ids.map((id2) => inspectOne(cli, id2, signal)))).flat();
  return parseJsonList(inspected.stdout).map(toContainerRecord);
}
async function inspectOne(cli, id, signal) {
  const result = await cli.run(["container", "inspect", id], { signal });
  return result.ok ? parseJsonList(result.stdout).map(toContainerRecord) : [];
}
function toContainerRecord(raw) {
  const c = asRecord(raw) ?? {};
  const state = asRecord(c.State) ?? {};
  const config = asRecord(c.Config) ?? {};
  const ports = asRecord(asRecord(c.NetworkSettings)?.Ports) ?? {};
  const hostPorts = {};
  for (const [key, bindings] of Object.entries(ports)) {
    const first = asRecords(bindings)[0];
    const hostPort = asString(first?.HostPort);
    if (hostPort) hostPorts[key.replace(/\/tcp$/, "")] = `${asString(first?.HostIp) || "127.0.0.1"}:${hostPort}`;
  }
  return {
    id: asString(c.Id) ?? "",
    name: asString(c.Name) ?? "",
    image: asString(c.ImageName) ?? asString(config.Image) ?? "",
    podId: asString(c.Pod) ?? "",
    labels: asStringMap(config.Labels),
    status: asString(state.Status) ?? "unknown",
    exitCode: asNumber(state.ExitCode) ?? 0,
    oomKilled: state.OOMKilled === true,
    error: asString(state.Error) ?? "",
    ...realTime("startedAt", state.StartedAt),
    ...realTime("finishedAt", state.FinishedAt),
    restartCount: asNumber(c.RestartCount) ?? 0,
    restartPolicy: asString(asRecord(asRecord(c.HostConfig)?.RestartPolicy)?.Name) ?? "",
    hostPorts
  };
}
function realTime(key, value) {
  const text = asString(value);
  return text && !text.startsWith("0001-01-01") ? { [key]: text } : {};
}
async function envPods(cli, id, signal) {
  const listed = await cli.must(
    ["pod", "ps", "--filter", `label=${LABEL_ENV}=${id.env}`, "--format", "json"],
    `Could not list the pods of env ${id.env}`,
    { signal }
  );
  return parseJsonList(listed.stdout).map(toPodRecord).filter((p) => isOurs(p.labels, id));
}
function toPodRecord(raw) {
  const p = asRecord(raw) ?? {};
  const created = asString(p.Created);
  return {
    id: asString(p.Id) ?? "",
    name: asString(p.Name) ?? "",
    status: asString(p.Status) ?? "unknown",
    labels: asStringMap(p.Labels),
    ...created ? { created } : {}
  };
}
async function inspectPod(cli, name, signal) {
  const result = await cli.run(["pod", "inspect", name], { signal });
  if (!result.ok) {
    if (/no such pod/i.test(result.stderr)) return void 0;
    throw cli.failed(result, `Could not inspect pod ${name}`);
  }
  const raw = asRecord(parseJsonList(result.stdout)[0]) ?? {};
  return toPodRecord({ ...raw, Status: raw.State });
}
export {
  envContainers,
  envPods,
  inspectPod,
  toContainerRecord,
  toPodRecord
};
//# sourceMappingURL=inspect.js.map
