// Moving images between the local engine and the registry, each move verified afterwards.
import type { ContainerEngine } from '../engines/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { hasTag as registryHasTag, type HasTagOptions } from './client.js';
import { redactSecrets } from '../redact/patterns.js';

/** Looks a tag up in the registry (the real client, or a fake in unit tests). */
export type TagLookup = (ref: string, options: HasTagOptions) => Promise<boolean>;

export interface TransferOptions {
  insecure: boolean;
  signal?: AbortSignal;
  /** Progress lines, e.g. a step's `ctx.output`. */
  output?: (line: string) => void;
}

/**
 * Makes `ref` available in the local engine: nothing when it is already there, else pulls it
 * from its registry and checks it arrived. This is registry-mode delivery to the engine.
 */
export async function ensureLocalImage(engine: ContainerEngine, ref: string, options: TransferOptions): Promise<'present' | 'pulled'> {
  if (await engine.imageExists(ref, options.signal)) return 'present';
  options.output?.(`pulling ${ref}`);
  await engine.pull(ref, { insecure: options.insecure, ...(options.signal ? { signal: options.signal } : {}) });
  if (!(await engine.imageExists(ref, options.signal))) {
    throw new TarmacError('REGISTRY_PULL_NOT_VERIFIED', `${engine.name} pull of ${redactSecrets(ref)} exited 0 but the image is not in the engine`, {
      exitCode: ExitCode.infrastructure,
      hint: 'Check the engine with `tarmac doctor` and the registry, then run again.',
    });
  }
  options.output?.(`pulled ${ref}`);
  return 'pulled';
}

/** Pushes `ref` (a content tag) to its registry and checks that the registry now has the tag. */
export async function pushImage(engine: ContainerEngine, ref: string, options: TransferOptions & { hasTag?: TagLookup }): Promise<void> {
  options.output?.(`pushing ${ref}`);
  await engine.push(ref, { insecure: options.insecure, ...(options.signal ? { signal: options.signal } : {}) });
  const lookup = options.hasTag ?? registryHasTag;
  // Verify the effect, not the exit code: the registry must answer for the tag we pushed.
  if (!(await lookup(ref, { insecure: options.insecure, ...(options.signal ? { signal: options.signal } : {}) }))) {
    throw new TarmacError('REGISTRY_PUSH_NOT_VERIFIED', `${engine.name} push of ${redactSecrets(ref)} exited 0 but the registry does not have the tag`, {
      exitCode: ExitCode.infrastructure,
      hint: 'Check the registry (its storage and logs), then run again.',
    });
  }
  options.output?.(`pushed ${ref}`);
}

/** Pulls a ref into the engine when missing, at most once at a time per ref. */
export type Puller = (ref: string, options: Omit<TransferOptions, 'insecure'>) => Promise<'present' | 'pulled'>;

/**
 * A Puller over ensureLocalImage: two steps needing one image (two builds on one base, a build and
 * a delivery) share one pull instead of racing two. A failed pull is forgotten, so a retry pulls again.
 */
export function createPuller(engine: ContainerEngine, insecure: boolean): Puller {
  const pulls = new Map<string, Promise<'present' | 'pulled'>>();
  return (ref, options) => {
    let pending = pulls.get(ref);
    if (!pending) {
      pending = ensureLocalImage(engine, ref, { ...options, insecure });
      pulls.set(ref, pending);
      pending.catch(() => pulls.delete(ref));
    }
    return pending;
  };
}
