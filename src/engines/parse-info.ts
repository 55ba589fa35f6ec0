// Parsers for `info --format json` and `version --format json` of podman and docker.
import type { CommandResult } from '../exec/types.js';
import { num, obj, parseJson, str, stringList } from './json-fields.js';
import type { EngineInfo } from './types.js';

/** EngineInfo from podman's `info --format json`. */
export function parsePodmanInfo(result: CommandResult): EngineInfo {
  const raw = parseJson(result);
  const info = obj(raw);
  const host = obj(info.host);
  const storageRoot = str(obj(info.store).graphRoot);
  return {
    name: 'podman',
    version: str(obj(info.version).Version) ?? 'unknown',
    remote: host.serviceIsRemote === true,
    rootless: obj(host.security).rootless === true,
    ...optional('storageRoot', storageRoot),
    ...optional('cpus', num(host.cpus)),
    ...optional('memTotalBytes', num(host.memTotal)),
    raw,
  };
}

/** EngineInfo from docker's `info --format json` (a daemon is always a remote engine). */
export function parseDockerInfo(result: CommandResult): EngineInfo {
  const raw = parseJson(result);
  const info = obj(raw);
  return {
    name: 'docker',
    version: str(info.ServerVersion) || 'unknown',
    remote: true,
    rootless: stringList(info.SecurityOptions).some((option) => option.includes('name=rootless')),
    ...optional('storageRoot', str(info.DockerRootDir) || undefined),
    ...optional('cpus', num(info.NCPU) || undefined),
    ...optional('memTotalBytes', num(info.MemTotal) || undefined),
    raw,
  };
}

export interface VersionReport {
  client: string | undefined;
  /** Present when a server answered (docker, remote podman). */
  server: string | undefined;
}

/** Client and server versions from `version --format json`; undefined fields when absent. */
export function parseVersion(result: CommandResult): VersionReport {
  const version = obj(parseJson(result));
  const server = version.Server === null ? {} : obj(version.Server);
  return { client: str(obj(version.Client).Version), server: str(server.Version) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
