// Content-addressed image tags: `<name>:tm-<12 hex>` from the context, Containerfile, args,
// target and the tags of the base images, in dependency order.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ImageSpec } from '../config/types.js';
import { ExitCode, InternalError, TarmacError } from '../errors/errors.js';
import { hashContext, IN_THREAD_BUDGET, type ContextHash } from './hash-context.js';
import { createContextPool } from './worker/run.js';
import { sha256Hex } from './hash-file.js';

/** Bump when what goes into a key changes, so old tags are never mistaken for new ones. */
export const CACHE_FORMAT_VERSION = 1;

/** The cache identity of one image. */
export interface ImageKey {
  name: string;
  /** `tm-` and the first 12 hex digits of `digest`. */
  tag: string;
  /** `<name>:<tag>`, unqualified; see `imageRef` for what to hand the engine. */
  ref: string;
  /** The full sha256 hex the tag is cut from. */
  digest: string;
  /** Non-directory entries of the build context. */
  files: number;
  /** Bytes of file content hashed. */
  bytes: number;
}

export interface ComputeImageTagsOptions {
  signal?: AbortSignal;
  /** Distinct contexts hashed at once, each on its own worker thread (default: CPUs, at most 4). */
  contexts?: number;
  /** The context hasher (default `hashContext`); tests pass the in-thread `digestContext`. */
  hashContext?: (dir: string, opts: { signal: AbortSignal }) => Promise<ContextHash>;
}

/**
 * Computes every image's key. Distinct contexts are hashed concurrently (a context shared by
 * several images is hashed once); each key waits for its bases' keys, so a base's change
 * changes every image built on it. The first failure aborts the remaining work and is thrown.
 */
export async function computeImageTags(
  images: ImageSpec[],
  opts: ComputeImageTagsOptions = {},
): Promise<Map<string, ImageKey>> {
  const byName = new Map(images.map((image) => [image.name, image]));
  const internal = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, internal.signal]) : internal.signal;
  const contexts = new Map<string, Promise<ContextHash>>();
  const gateSize = Math.max(1, opts.contexts ?? Math.min(availableParallelism(), 4));
  const gate = createGate(gateSize);
  // One pool for the whole computation: its workers hash context after context instead of one worker each.
  const pool = opts.hashContext ? undefined : createContextPool(gateSize);
  const hash =
    opts.hashContext ??
    ((dir: string, o: { signal: AbortSignal }) =>
      hashContext(dir, { ...o, ...(pool ? { pool } : {}), inThreadWithin: IN_THREAD_BUDGET }));
  const hashOnce = (dir: string): Promise<ContextHash> => {
    let pending = contexts.get(dir);
    if (!pending) contexts.set(dir, (pending = settled(gate(() => hash(dir, { signal })))));
    return pending;
  };

  const keys = new Map<string, Promise<ImageKey>>();
  const visiting = new Set<string>();
  // Synchronous recursion: every promise exists before any await, so a cycle (which config
  // validation should have rejected) is caught here instead of waiting forever.
  const keyOf = (name: string, from: string): Promise<ImageKey> => {
    const known = keys.get(name);
    if (known) return known;
    const spec = byName.get(name);
    if (!spec) throw unknownBase(name, from);
    if (visiting.has(name)) throw new InternalError(`Image dependency cycle through "${name}" reached the cache`);
    visiting.add(name);
    const bases = spec.dependsOn.map((dep) => keyOf(dep, name));
    visiting.delete(name);
    const key = settled(imageKey(spec, hashOnce(path.resolve(spec.contextDir)), bases));
    keys.set(name, key);
    return key;
  };

  try {
    // keyOf keeps each promise in `keys`; they are all awaited together on the next line.
    for (const image of images) void keyOf(image.name, image.name);
    const done = await Promise.all([...keys.values()]);
    return new Map(done.map((key) => [key.name, key]));
  } catch (err) {
    internal.abort();
    throw err;
  } finally {
    pool?.close();
  }
}

// Marks a promise as handled: after the first failure the others reject too (aborted), and
// nobody awaits them any more; their rejections are consequences, not news.
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function imageKey(spec: ImageSpec, context: Promise<ContextHash>, bases: Promise<ImageKey>[]): Promise<ImageKey> {
  const [ctx, containerfile, baseKeys] = await Promise.all([context, readContainerfile(spec), Promise.all(bases)]);
  // JSON keeps the fields unambiguous. Deliberately absent: the Containerfile's path and the
  // context's location, so moving or renaming the project keeps every key.
  const material = JSON.stringify({
    version: CACHE_FORMAT_VERSION,
    context: ctx.digest,
    containerfile: sha256Hex(containerfile),
    target: spec.target ?? null,
    args: Object.entries(spec.args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    bases: baseKeys.map((k) => [k.name, k.tag]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
  });
  const digest = sha256Hex(material);
  const tag = `tm-${digest.slice(0, 12)}`;
  return { name: spec.name, tag, ref: `${spec.name}:${tag}`, digest, files: ctx.files, bytes: ctx.bytes };
}

/**
 * The reference to hand the engine: `localhost/<name>:<tag>` locally (podman stores unqualified
 * names as `localhost/`, and docker accepts the same name), or `<registry>/<name>:<tag>`.
 */
export function imageRef(name: string, tag: string, registry?: string): string {
  // A registry url may come with a scheme or a trailing slash; an image reference has neither.
  const host = registry?.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  return `${host ? host : 'localhost'}/${name}:${tag}`;
}

async function readContainerfile(spec: ImageSpec): Promise<Buffer> {
  try {
    return await readFile(spec.containerfile);
  } catch (err) {
    throw new TarmacError(
      'CONTAINERFILE_UNREADABLE',
      `Cannot read the Containerfile of image "${spec.name}": ${spec.containerfile}`,
      {
        exitCode: ExitCode.usage,
        hint: 'Check the `containerfile` (or `context`) of this image in tarmac.yaml.',
        cause: err,
      },
    );
  }
}

function unknownBase(name: string, from: string): TarmacError {
  return new TarmacError(
    'IMAGE_UNKNOWN',
    `Image "${from}" depends on "${name}", which is not an image of this config`,
    {
      exitCode: ExitCode.usage,
      hint: 'List the base under `images`, or remove it from `dependsOn`.',
    },
  );
}

// At most `limit` of the started tasks run at once; the rest wait their turn in order.
function createGate(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so `running` never overshoots.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
