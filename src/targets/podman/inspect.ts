// What podman knows about the env's pods and containers (ps to find them by label, inspect for detail).
import type { EnvIdentity } from '../../config/project-identity.js';
import { LABEL_ENV } from '../../engines/labels.js';
import { parseJsonList, type PodmanCli } from './podman-cli.js';
import { isOurs, LABEL_GROUP } from './names.js';
import { asNumber, asRecord, asRecords, asString, asStringMap } from './shape.js';

/** A container of the env, from `podman container inspect`. */
export interface ContainerRecord {
  id: string;
  name: string;
  image: string;
  podId: string;
  labels: Record<string, string>;
  /** created, running, exited, stopped, paused, configured, initialized, removing. */
  status: string;
  exitCode: number;
  oomKilled: boolean;
  error: string;
  startedAt?: string;
  finishedAt?: string;
  restartCount: number;
  restartPolicy: string;
  /** Container port -> `127.0.0.1:12345`. */
  hostPorts: Record<string, string>;
  /** When podman was asked (ms since the epoch): the state above is as of this moment or a little later. */
  observedAt?: number;
}

/** A pod of the env, from `podman pod ps`. */
export interface PodRecordLive {
  id: string;
  name: string;
  status: string;
  labels: Record<string, string>;
  created?: string;
}

/** A container of the env as `podman ps` lists it: which pod it is in and its published ports (all endpoints need). */
export interface ContainerBrief {
  id: string;
  podId: string;
  /** Container port -> `127.0.0.1:12345`. */
  hostPorts: Record<string, string>;
  /** `podman ps` says it is running. */
  running: boolean;
  /** Its deploy group (label io.tarmac.group). */
  group?: string;
}

/** The env's containers (infra containers excluded: they carry no labels), inspected; another checkout's are not. */
export async function envContainers(cli: PodmanCli, id: EnvIdentity, signal?: AbortSignal): Promise<ContainerRecord[]> {
  const listed = await listEnvContainers(cli, id, signal);
  return inspectContainers(
    cli,
    listed.map((c) => c.id),
    signal,
  );
}

/** The engine arguments of listEnvContainers' one `ps`. */
export function envContainersQuery(id: EnvIdentity): string[] {
  return ['ps', '-a', '--filter', `label=${LABEL_ENV}=${id.env}`, '--format', 'json'];
}

/** The env's containers as `podman ps` lists them (infra containers excluded); another checkout's are not. */
export async function listEnvContainers(
  cli: PodmanCli,
  id: EnvIdentity,
  signal?: AbortSignal,
): Promise<ContainerBrief[]> {
  const listed = await cli.must(envContainersQuery(id), `Could not list the containers of env ${id.env}`, { signal });
  return parseJsonList(listed.stdout)
    .map(asRecord)
    .filter((c) => c && isOurs(asStringMap(c.Labels), id))
    .map((c) => {
      const group = asStringMap(c?.Labels)[LABEL_GROUP];
      return {
        id: asString(c?.Id) ?? '',
        podId: asString(c?.Pod) ?? '',
        hostPorts: listedPorts(c?.Ports),
        running: asString(c?.State) === 'running',
        ...(group !== undefined ? { group } : {}),
      };
    });
}

// `podman ps --format json` Ports: [{host_ip, container_port, host_port, range, protocol}], a range covering
// `range` consecutive ports.
function listedPorts(raw: unknown): Record<string, string> {
  const ports: Record<string, string> = {};
  for (const p of asRecords(raw)) {
    const container = asNumber(p.container_port);
    const host = asNumber(p.host_port);
    if (container === undefined || host === undefined || (asString(p.protocol) ?? 'tcp') !== 'tcp') continue;
    for (let i = 0; i < Math.max(1, asNumber(p.range) ?? 1); i++)
      ports[String(container + i)] = `${asString(p.host_ip) || '127.0.0.1'}:${host + i}`;
  }
  return ports;
}

/** The containers `ids`, inspected (none: no call). */
export async function inspectContainers(
  cli: PodmanCli,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<ContainerRecord[]> {
  if (ids.length === 0) return [];
  const observedAt = Date.now();
  const inspected = await cli.run(['container', 'inspect', ...ids], { signal });
  // A container removed between ps and inspect makes inspect fail for the whole batch: report what is left.
  if (!inspected.ok) return (await Promise.all(ids.map((id) => inspectOne(cli, id, signal)))).flat();
  return parseJsonList(inspected.stdout).map((raw) => ({ ...toContainerRecord(raw), observedAt }));
}

async function inspectOne(cli: PodmanCli, id: string, signal?: AbortSignal): Promise<ContainerRecord[]> {
  const observedAt = Date.now();
  const result = await cli.run(['container', 'inspect', id], { signal });
  return result.ok ? parseJsonList(result.stdout).map((raw) => ({ ...toContainerRecord(raw), observedAt })) : [];
}

/** One `podman container inspect` entry as a ContainerRecord. */
export function toContainerRecord(raw: unknown): ContainerRecord {
  const c = asRecord(raw) ?? {};
  const state = asRecord(c.State) ?? {};
  const config = asRecord(c.Config) ?? {};
  const ports = asRecord(asRecord(c.NetworkSettings)?.Ports) ?? {};
  const hostPorts: Record<string, string> = {};
  for (const [key, bindings] of Object.entries(ports)) {
    const first = asRecords(bindings)[0];
    const hostPort = asString(first?.HostPort);
    if (hostPort) hostPorts[key.replace(/\/tcp$/, '')] = `${asString(first?.HostIp) || '127.0.0.1'}:${hostPort}`;
  }
  return {
    id: asString(c.Id) ?? '',
    name: asString(c.Name) ?? '',
    image: asString(c.ImageName) ?? asString(config.Image) ?? '',
    podId: asString(c.Pod) ?? '',
    labels: asStringMap(config.Labels),
    status: asString(state.Status) ?? 'unknown',
    exitCode: asNumber(state.ExitCode) ?? 0,
    oomKilled: state.OOMKilled === true,
    error: asString(state.Error) ?? '',
    ...realTime('startedAt', state.StartedAt),
    ...realTime('finishedAt', state.FinishedAt),
    restartCount: asNumber(c.RestartCount) ?? 0,
    restartPolicy: asString(asRecord(asRecord(c.HostConfig)?.RestartPolicy)?.Name) ?? '',
    hostPorts,
  };
}

// podman reports "never" as the zero time (0001-01-01...).
function realTime<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  const text = asString(value);
  return text && !text.startsWith('0001-01-01') ? ({ [key]: text } as Record<K, string>) : {};
}

/** The env's pods (label filter, labels verified again here: another checkout's are not). */
export async function envPods(cli: PodmanCli, id: EnvIdentity, signal?: AbortSignal): Promise<PodRecordLive[]> {
  const listed = await cli.must(
    ['pod', 'ps', '--filter', `label=${LABEL_ENV}=${id.env}`, '--format', 'json'],
    `Could not list the pods of env ${id.env}`,
    { signal },
  );
  return parseJsonList(listed.stdout)
    .map(toPodRecord)
    .filter((p) => isOurs(p.labels, id));
}

/** Every pod on the host, whoever made it (a deploy needs the foreign ones too: a pod name it must not take). */
export async function allPods(cli: PodmanCli, signal?: AbortSignal): Promise<PodRecordLive[]> {
  const listed = await cli.must(['pod', 'ps', '--format', 'json'], 'Could not list the pods', { signal });
  return parseJsonList(listed.stdout).map(toPodRecord);
}

/** One `podman pod ps --format json` entry. */
export function toPodRecord(raw: unknown): PodRecordLive {
  const p = asRecord(raw) ?? {};
  const created = asString(p.Created);
  return {
    id: asString(p.Id) ?? '',
    name: asString(p.Name) ?? '',
    status: asString(p.Status) ?? 'unknown',
    labels: asStringMap(p.Labels),
    ...(created ? { created } : {}),
  };
}

/** A pod by name, or undefined when there is none. */
export async function inspectPod(
  cli: PodmanCli,
  name: string,
  signal?: AbortSignal,
): Promise<PodRecordLive | undefined> {
  const result = await cli.run(['pod', 'inspect', name], { signal });
  if (!result.ok) {
    if (/no such pod/i.test(result.stderr)) return undefined;
    throw cli.failed(result, `Could not inspect pod ${name}`);
  }
  const raw = asRecord(parseJsonList(result.stdout)[0]) ?? {};
  return toPodRecord({ ...raw, Status: raw.State });
}
