// ContainerEngine over a CLI with docker-compatible verbs; podman.ts and docker.ts supply the
// few differences as an EngineDialect.
import { InternalError, type ErrorFact } from '../errors/errors.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../exec/types.js';
import { LABEL_MANAGED, LABEL_RUN, labelFilters, sorted } from './labels.js';
import { withLabelledCopy } from './label-instruction.js';
import { engineFailed } from './engine-error.js';
import { hasLabels, isMissingImage, parseIdLines, parseImageInspect } from './parse-images.js';
import { parseContainers } from './parse-containers.js';
import { versionHealth } from './version-health.js';
import { engineToolEnv } from './tool-env.js';
import type { EngineDialect } from './engine-dialect.js';
import type {
  BuildRequest,
  ContainerEngine,
  ContainerSummary,
  EngineExecOptions,
  EngineHealth,
  EngineInfo,
  EngineName,
  ImageInfo,
  TransferCallOptions,
} from './types.js';

export interface CliEngineOptions {
  dialect: EngineDialect;
  runner: CommandRunner;
  /** The binary, e.g. `podman`. */
  bin: string;
  /** Global flags before the verb, e.g. ['--url', 'unix:///...']. */
  globalArgs: readonly string[];
  env: Record<string, string>;
  /** Hard timeout for quick calls (inspect, tag, ps, rm, info); transfers have none. Default 60s. */
  opTimeoutMs?: number;
}

const DEFAULT_OP_TIMEOUT_MS = 60_000;
/** A ContainerEngine that runs `<bin> <globalArgs> <verb> ...` through the injected CommandRunner. */
export class CliEngine implements ContainerEngine {
  readonly name: EngineName;
  /** The argv prefix of every call, e.g. ['podman', '--url', 'unix:///...']; only src/engines/ reads it (eslint). */
  readonly argvPrefix: readonly string[];
  readonly endpoint: string;
  readonly env: Record<string, string>;
  private readonly opTimeoutMs: number;
  // Refs this engine answered "present" for. Why: one `up` asks about the same image when it plans, delivers,
  // verifies a pull and checks each group before playing it (each call about 0.1 s of CPU). An image tarmac saw
  // stays there unless tarmac removes it, so removeImage and prune forget them all. Absence is never remembered:
  // builds and pulls change it.
  private readonly seenPresent = new Set<string>();

  constructor(private readonly options: CliEngineOptions) {
    this.name = options.dialect.name;
    this.argvPrefix = [options.bin, ...options.globalArgs];
    this.endpoint = options.globalArgs.join(' ');
    this.env = options.env;
    this.opTimeoutMs = options.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS;
  }

  exec(args: readonly string[], options: EngineExecOptions = {}): Promise<CommandResult> {
    const { hostLocal, ...run } = options;
    const call = this.invocation(args);
    return this.options.runner(call.cmd, hostLocal ? [...args] : call.args, {
      ...run,
      env: { ...call.env, ...run.env },
    });
  }

  invocation(args: readonly string[]): { cmd: string; args: string[]; env: Record<string, string> } {
    return { cmd: this.options.bin, args: [...this.options.globalArgs, ...args], env: { ...this.env } };
  }

  commandLine(args: readonly string[]): string {
    return [...this.argvPrefix, ...args].join(' ');
  }

  toolEnv(basePath?: string): Record<string, string> {
    return engineToolEnv(this.name, this.options.bin, this.options.globalArgs, this.env, basePath);
  }

  async info(signal?: AbortSignal): Promise<EngineInfo> {
    const result = await this.must(['info', '--format', 'json'], `Could not read ${this.name} info`, {
      signal,
      timeoutMs: this.opTimeoutMs,
    });
    return this.options.dialect.parseInfo(result);
  }

  async health(timeoutMs: number, signal?: AbortSignal): Promise<EngineHealth> {
    try {
      return versionHealth(this.name, await this.exec(['version', '--format', 'json'], { timeoutMs, signal }));
    } catch (error) {
      // Why: health() is the probe watchdogs rely on; it reports, it never throws.
      return { ok: false, detail: error instanceof Error ? error.message : String(error), durationMs: 0 };
    }
  }

  build(request: BuildRequest): Promise<CommandResult> {
    // Everything tarmac builds is marked as tarmac's, whatever labels the caller passed.
    const labels = sorted({ [LABEL_MANAGED]: 'true', ...request.labels });
    // With --target the last stage may not be the one built, so a LABEL appended to the file could miss the image.
    const inline = this.options.dialect.labelsInContainerfile && request.target === undefined;
    if (!inline) return this.buildWith(request, request.containerfile, labels);
    return withLabelledCopy(request.containerfile, labels, request.labels[LABEL_RUN], (copy) =>
      this.buildWith(request, copy ?? request.containerfile, copy === undefined ? labels : []),
    );
  }

  /** `build` with the given Containerfile and the labels still to pass as flags. */
  private buildWith(
    request: BuildRequest,
    containerfile: string,
    labelFlags: [string, string][],
  ): Promise<CommandResult> {
    const args = ['build', ...this.options.dialect.buildFlags, '-t', request.tag, '-f', containerfile];
    for (const [key, value] of labelFlags) args.push('--label', `${key}=${value}`);
    for (const [key, value] of sorted(request.args)) args.push('--build-arg', `${key}=${value}`);
    if (request.target !== undefined) args.push('--target', request.target);
    if (request.noCache) args.push('--no-cache');
    args.push(request.contextDir);
    const onLine = request.onLine;
    // stopDescendantsFirst: killing the RUN step (not podman) lets the build fail normally and remove its working containers.
    return this.exec(args, {
      signal: request.signal,
      timeoutMs: request.timeoutMs,
      stopDescendantsFirst: true,
      ...(onLine ? { onLine: (line: string) => onLine(line) } : {}),
    });
  }

  async imageExists(ref: string, signal?: AbortSignal): Promise<boolean> {
    if (this.seenPresent.has(ref)) return true;
    const result = await this.exec(this.options.dialect.imageExistsArgs(ref), { signal, timeoutMs: this.opTimeoutMs });
    if (result.ok) {
      this.seenPresent.add(ref);
      return true;
    }
    if (isMissingImage(result)) return false;
    throw engineFailed(this.name, result, `Could not check whether image ${ref} exists`);
  }

  async inspectImage(ref: string, signal?: AbortSignal): Promise<ImageInfo | undefined> {
    const result = await this.exec(['image', 'inspect', ref], { signal, timeoutMs: this.opTimeoutMs });
    if (!result.ok && isMissingImage(result)) return undefined;
    if (!result.ok) throw engineFailed(this.name, result, `Could not inspect image ${ref}`);
    return parseImageInspect(result)[0];
  }

  async tag(source: string, target: string, signal?: AbortSignal): Promise<void> {
    await this.must(
      ['tag', source, target],
      `Could not tag image ${source} as ${target}`,
      { signal, timeoutMs: this.opTimeoutMs },
      'Check that the source image exists.',
    );
  }

  async save(ref: string, archivePath: string, signal?: AbortSignal): Promise<void> {
    await this.must(
      ['save', '-o', archivePath, ref],
      `Could not save image ${ref} to ${archivePath}`,
      { signal },
      'Check the disk space and that the image exists.',
    );
  }

  async load(archivePath: string, signal?: AbortSignal): Promise<void> {
    await this.must(
      ['load', '-i', archivePath],
      `Could not load images from ${archivePath}`,
      { signal },
      'Check that the archive exists and is complete.',
    );
  }

  async push(ref: string, options: TransferCallOptions): Promise<void> {
    const auth =
      options.authFile === undefined ? { args: [], env: {} } : this.options.dialect.authFileUse(options.authFile);
    const args = ['push', ...this.options.dialect.registryFlags(options.insecure), ...auth.args, ref];
    await this.must(
      args,
      `Could not push image ${ref}`,
      { signal: options.signal, env: { ...this.env, ...auth.env } },
      'Check that the registry is running and reachable.',
    );
  }

  async pull(ref: string, options: TransferCallOptions): Promise<void> {
    const auth =
      options.authFile === undefined ? { args: [], env: {} } : this.options.dialect.authFileUse(options.authFile);
    const args = ['pull', ...this.options.dialect.registryFlags(options.insecure), ...auth.args, ref];
    await this.must(
      args,
      `Could not pull image ${ref}`,
      { signal: options.signal, env: { ...this.env, ...auth.env } },
      'Check that the registry is reachable and has the image.',
      { type: 'image-pull', ref },
    );
  }

  async removeImage(ref: string, signal?: AbortSignal): Promise<void> {
    this.seenPresent.clear();
    await this.must(
      ['image', 'rm', ref],
      `Could not remove image ${ref}`,
      { signal, timeoutMs: this.opTimeoutMs },
      'A container may still use the image.',
    );
  }

  async listContainers(labels: Record<string, string>, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const args = ['ps', '-a', ...this.options.dialect.psFlags, ...labelFilters(labels), '--format', 'json'];
    const result = await this.must(args, `Could not list ${this.name} containers`, {
      signal,
      timeoutMs: this.opTimeoutMs,
    });
    // Why filter again: some engine versions OR repeated label filters (podman 4.3.1 does for images).
    return parseContainers(result).filter((container) => hasLabels(container.labels, labels));
  }

  async removeContainers(ids: string[], signal?: AbortSignal): Promise<void> {
    if (ids.length === 0) return;
    await this.must(['rm', ...this.options.dialect.rmFlags, ...ids], `Could not remove ${ids.length} container(s)`, {
      signal,
      timeoutMs: this.opTimeoutMs,
    });
  }

  async listImages(labels: Record<string, string>, signal?: AbortSignal): Promise<ImageInfo[]> {
    const first = Object.entries(labels)[0];
    if (first === undefined) throw new InternalError('listImages() needs at least one label');
    const options = { signal, timeoutMs: this.opTimeoutMs };
    const filter = ['--filter', `label=${first[0]}=${first[1]}`];
    const listed = await this.must(
      ['images', '-q', '--no-trunc', ...filter],
      `Could not list ${this.name} images`,
      options,
    );
    // An image tagged twice is listed twice.
    const ids = [...new Set(parseIdLines(listed.stdout))];
    if (ids.length === 0) return [];
    const inspected = await this.must(['image', 'inspect', ...ids], `Could not inspect ${this.name} images`, options);
    return parseImageInspect(inspected).filter((image) => hasLabels(image.labels, labels));
  }

  async prune(labels: Record<string, string>, signal?: AbortSignal): Promise<string[]> {
    if (Object.keys(labels).length === 0)
      throw new InternalError('prune() needs at least one label: it would remove every dangling image');
    // Why not `image prune --filter label=...`: podman 4.3.1 ORs repeated label filters, so it
    // would remove other environments' images. List, verify every label, then remove by id.
    const listed = await this.must(
      ['images', '-q', '--no-trunc', '--filter', 'dangling=true', ...labelFilters(labels)],
      `Could not list dangling ${this.name} images`,
      { signal, timeoutMs: this.opTimeoutMs },
    );
    const candidates = parseIdLines(listed.stdout);
    if (candidates.length === 0) return [];
    const inspected = await this.must(['image', 'inspect', ...candidates], 'Could not inspect dangling images', {
      signal,
      timeoutMs: this.opTimeoutMs,
    });
    const ids = parseImageInspect(inspected)
      .filter((image) => image.tags.length === 0 && hasLabels(image.labels, labels))
      .map((image) => image.id);
    if (ids.length === 0) return [];
    this.seenPresent.clear();
    await this.must(['image', 'rm', ...ids], `Could not remove ${ids.length} dangling image(s)`, {
      signal,
      timeoutMs: this.opTimeoutMs,
    });
    return ids;
  }

  /** Runs and throws the classified TarmacError unless the command succeeded. */
  private async must(
    args: string[],
    message: string,
    options: CommandOptions,
    hint?: string,
    fact?: ErrorFact,
  ): Promise<CommandResult> {
    const result = await this.exec(args, options);
    if (!result.ok) throw engineFailed(this.name, result, message, hint, undefined, fact);
    return result;
  }
}
