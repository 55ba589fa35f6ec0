// What differs between engine CLIs that share docker-compatible verbs: podman.ts and docker.ts each supply one.
import type { CommandResult } from '../exec/types.js';
import type { EngineInfo, EngineName } from './types.js';

/** What differs between engine CLIs. */
export interface EngineDialect {
  readonly name: EngineName;
  /** Flags added to every build (podman: --isolation). */
  readonly buildFlags: readonly string[];
  /** Labels go into one LABEL instruction on a temp copy of the Containerfile (podman: each `--label` is a committed step). */
  readonly labelsInContainerfile: boolean;
  /** Flags added to `ps` (docker: --no-trunc for full ids). */
  readonly psFlags: readonly string[];
  /** Flags of `rm` that remove running containers at once. */
  readonly rmFlags: readonly string[];
  /** argv (after the prefix) asking whether an image exists; exit 0 means yes. */
  imageExistsArgs(ref: string): string[];
  /** Flags for push/pull; podman can skip TLS per call, docker only per daemon config. */
  registryFlags(insecure: boolean): string[];
  /** How push/pull read credentials from an auth file (podman: --authfile; docker: DOCKER_CONFIG=its dir). */
  authFileUse(path: string): { args: string[]; env: Record<string, string> };
  parseInfo(result: CommandResult): EngineInfo;
}
