// Moving images between the local engine and the registry, each move verified afterwards.
import type { ContainerEngine } from '../engines/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { hasTag as registryHasTag, type HasTagOptions } from './client.js';
import { redactSecrets } from '../redact/patterns.js';
import { withAuthFile, type RegistryCredentials } from './credentials.js';
import { parseImageRef } from './image-ref.js';

/** Looks a tag up in the registry (the real client, or a fake in unit tests). */
export type TagLookup = (ref: string, options: HasTagOptions) => Promise<boolean>;

export interface TransferOptions {
  insecure: boolean;
  signal?: AbortSignal;
  /** Progress lines, e.g. a step's `ctx.output`. */
  output?: (line: string) => void;
  /** Registry credentials (handed to the engine in a temp auth file); default: the engine's own login. */
  credentials?: RegistryCredentials;
}

// Runs an engine transfer, with the credentials in a temp auth file when there are any.
function withCredentials(
  ref: string,
  credentials: RegistryCredentials | undefined,
  transfer: (authFile?: string) => Promise<void>,
): Promise<void> {
  if (!credentials) return transfer();
  return withAuthFile(parseImageRef(ref).registry, credentials, (path) => transfer(path));
}

// The tag-lookup options of a transfer.
function lookupOptions(options: TransferOptions): HasTagOptions {
  return {
    insecure: options.insecure,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

/**
 * Makes `ref` available in the local engine: nothing when it is already there, else pulls it
 * from its registry and checks it arrived. This is registry-mode delivery to the engine.
 */
export async function ensureLocalImage(
  engine: ContainerEngine,
  ref: string,
  options: TransferOptions,
): Promise<'present' | 'pulled'> {
  if (await engine.imageExists(ref, options.signal)) return 'present';
  options.output?.(`pulling ${ref}`);
  await withCredentials(ref, options.credentials, (authFile) =>
    engine.pull(ref, {
      insecure: options.insecure,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(authFile ? { authFile } : {}),
    }),
  );
  if (!(await engine.imageExists(ref, options.signal))) {
    throw new TarmacError(
      'REGISTRY_PULL_NOT_VERIFIED',
      `${engine.name} pull of ${redactSecrets(ref)} exited 0 but the image is not in the engine`,
      {
        exitCode: ExitCode.infrastructure,
        hint: 'Check the engine with `tarmac doctor` and the registry, then run again.',
      },
    );
  }
  options.output?.(`pulled ${ref}`);
  return 'pulled';
}

/** Pushes `ref` (a content tag) to its registry and checks that the registry now has the tag. */
export async function pushImage(
  engine: ContainerEngine,
  ref: string,
  options: TransferOptions & { hasTag?: TagLookup },
): Promise<void> {
  options.output?.(`pushing ${ref}`);
  await withCredentials(ref, options.credentials, (authFile) =>
    engine.push(ref, {
      insecure: options.insecure,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(authFile ? { authFile } : {}),
    }),
  );
  const lookup = options.hasTag ?? registryHasTag;
  // Verify the effect, not the exit code: the registry must answer for the tag we pushed.
  if (!(await lookup(ref, lookupOptions(options)))) {
    throw new TarmacError(
      'REGISTRY_PUSH_NOT_VERIFIED',
      `${engine.name} push of ${redactSecrets(ref)} exited 0 but the registry does not have the tag`,
      {
        exitCode: ExitCode.infrastructure,
        hint: 'Check the registry (its storage and logs), then run again.',
      },
    );
  }
  options.output?.(`pushed ${ref}`);
}

/** Pulls a ref into the engine when missing, at most once at a time per ref. */
export type Puller = (
  ref: string,
  options: Omit<TransferOptions, 'insecure' | 'credentials'>,
) => Promise<'present' | 'pulled'>;

/**
 * A Puller over ensureLocalImage: two steps needing one image (two builds on one base, a build and
 * a delivery) share one pull instead of racing two. A failed pull is forgotten, so a retry pulls again.
 */
export function createPuller(engine: ContainerEngine, insecure: boolean, credentials?: RegistryCredentials): Puller {
  const pulls = new Map<string, Promise<'present' | 'pulled'>>();
  return (ref, options) => {
    let pending = pulls.get(ref);
    if (!pending) {
      pending = ensureLocalImage(engine, ref, { ...options, insecure, ...(credentials ? { credentials } : {}) });
      pulls.set(ref, pending);
      pending.catch(() => pulls.delete(ref));
    }
    return pending;
  };
}
