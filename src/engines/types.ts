// The container engine seen by the rest of tarmac; podman and docker CLIs implement it.
import type { CommandOptions, CommandResult } from '../exec/types.js';

export type EngineName = 'podman' | 'docker';

export interface BuildRequest {
  /** Full tag, e.g. `localhost/datastorage:tm-0123456789ab`. */
  tag: string;
  contextDir: string;
  containerfile: string;
  args: Record<string, string>;
  target?: string;
  labels: Record<string, string>;
  /** `--no-cache`: ignore the engine's layer cache (used only to get past a store race, see build-image.ts). */
  noCache?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  onLine?: (line: string) => void;
}

export interface EngineHealth {
  ok: boolean;
  /** One line for people: "podman 4.3.1 answered in 80ms" or the error. */
  detail: string;
  durationMs: number;
  /** The engine gave no answer within the probe's budget (hung), rather than an error. */
  timedOut?: boolean;
  /** A server answered (docker's daemon, a remote podman's service), not only the binary: it can go away. */
  server?: boolean;
}

export interface EngineInfo {
  name: EngineName;
  version: string;
  /** The engine is remote (a socket or connection), as podman --remote. */
  remote: boolean;
  rootless: boolean;
  /** Image storage root (GraphRoot), when known. */
  storageRoot?: string;
  cpus?: number;
  memTotalBytes?: number;
  raw: unknown;
}

export interface ImageInfo {
  id: string;
  tags: string[];
  sizeBytes: number;
  labels: Record<string, string>;
  created?: string;
}

export interface ContainerSummary {
  id: string;
  names: string[];
  state: string;
  image: string;
  labels: Record<string, string>;
}

/** Options of push and pull. */
export interface TransferCallOptions {
  insecure: boolean;
  signal?: AbortSignal;
  /** An auth file (auth.json / config.json shape) holding the registry's credentials; default: the engine's own login. */
  authFile?: string;
}

/** Options of `ContainerEngine.exec`: a CommandRunner call's, and whether the call is host-local. */
export interface EngineExecOptions extends CommandOptions {
  /**
   * Run the bare binary, without the connection flags (`--url`, `--connection`): for host-local verbs such as
   * `machine` and `system connection`, which describe this host whatever service the flags select.
   */
  hostLocal?: boolean;
}

/**
 * A container engine adapter; every method honours the AbortSignal. Only src/engines/ knows the engine's argv
 * (binary and connection flags): everyone else calls these methods, `exec` for verbs without a typed method.
 */
export interface ContainerEngine {
  readonly name: EngineName;
  /** The connection flags joined (e.g. `--url unix:///run/p.sock`), '' for the engine's default service. */
  readonly endpoint: string;
  /** Extra environment given to every call (e.g. CONTAINER_HOST). */
  readonly env: Record<string, string>;
  /**
   * Runs `<engine> <connection flags> args` with the engine's environment (`options.env` added over it) and
   * resolves with the result whatever the exit: the caller judges it (see engineFailed).
   */
  exec(args: readonly string[], options?: EngineExecOptions): Promise<CommandResult>;
  /** What `exec(args)` hands its runner: the binary, the whole argv and the environment added over the process's. */
  invocation(args: readonly string[]): { cmd: string; args: string[]; env: Record<string, string> };
  /** The command line of `exec(args)` for people, e.g. `podman --url unix:///x.sock info --format json`. */
  commandLine(args: readonly string[]): string;
  /**
   * Environment for another tool that runs this engine's plain binary (kind does): the engine's environment, its
   * connection flags as the variables that select the same service, and an absolute binary's folder first on PATH.
   */
  toolEnv(basePath?: string): Record<string, string>;
  info(signal?: AbortSignal): Promise<EngineInfo>;
  /** A cheap liveness probe under a hard timeout; never throws. */
  health(timeoutMs: number, signal?: AbortSignal): Promise<EngineHealth>;
  /** Builds an image; resolves with the raw result (the caller classifies failures). */
  build(request: BuildRequest): Promise<CommandResult>;
  /** Whether the store has `ref`; a "yes" is remembered until this engine removes an image. */
  imageExists(ref: string, signal?: AbortSignal): Promise<boolean>;
  inspectImage(ref: string, signal?: AbortSignal): Promise<ImageInfo | undefined>;
  tag(source: string, target: string, signal?: AbortSignal): Promise<void>;
  save(ref: string, archivePath: string, signal?: AbortSignal): Promise<void>;
  load(archivePath: string, signal?: AbortSignal): Promise<void>;
  push(ref: string, options: TransferCallOptions): Promise<void>;
  pull(ref: string, options: TransferCallOptions): Promise<void>;
  removeImage(ref: string, signal?: AbortSignal): Promise<void>;
  listContainers(labels: Record<string, string>, signal?: AbortSignal): Promise<ContainerSummary[]>;
  removeContainers(ids: string[], signal?: AbortSignal): Promise<void>;
  /**
   * Images carrying every label of `labels`, deduplicated. Why the engine is asked with the first label only:
   * podman 4.3.1 ORs repeated label filters; every label is checked on its answer.
   */
  listImages(labels: Record<string, string>, signal?: AbortSignal): Promise<ImageInfo[]>;
  /** Removes dangling images carrying all of `labels`; returns what was removed. */
  prune(labels: Record<string, string>, signal?: AbortSignal): Promise<string[]>;
}
