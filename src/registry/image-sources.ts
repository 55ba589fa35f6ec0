// Where each image already is (the local engine, the registry, neither), and which build steps that makes cached.
import { imageRef } from '../cache/image-key.js';
import type { Env } from '../config/types.js';
import { imagesPresent } from '../engines/present-images.js';
import type { ContainerEngine } from '../engines/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { hasTag } from './client.js';
import { parseImageRef } from './image-ref.js';
import type { TagLookup } from './transfer.js';
import { registryCredentials, type RegistryCredentials } from './credentials.js';

/** The registry settings of an env (config `registry:`), with `push` possibly forced by `--push`, and the resolved credentials. */
export type RegistryMode = NonNullable<Env['registry']> & { credentials?: RegistryCredentials };

/** Where one image's content tag exists. `registry` is undefined when the registry was not asked. */
export interface ImagePresence {
  local: boolean;
  registry?: boolean;
}

/**
 * The env's registry mode with `push` forced on by `--push` (`pull` by `--pull-only`) and credentials from the
 * config or TARMAC_REGISTRY_USERNAME/PASSWORD in `processEnv`. Throws (exit 2) PUSH_WITHOUT_REGISTRY when
 * there is no registry to push to, and IMAGE_REF_INVALID when registry.url cannot prefix a reference.
 */
export function registryMode(
  env: Pick<Env, 'registry' | 'file'>,
  options: { push?: boolean; pull?: boolean; processEnv?: Record<string, string | undefined> } = {},
): RegistryMode | undefined {
  if (options.push && !env.registry) {
    throw new TarmacError('PUSH_WITHOUT_REGISTRY', '--push needs a registry, and this config has none', {
      exitCode: ExitCode.usage,
      hint: `Add \`registry: { url: 127.0.0.1:5000/team, insecure: true }\` (your registry and repository prefix) to ${env.file}.`,
    });
  }
  if (options.pull && !env.registry) {
    throw new TarmacError(
      'PULL_ONLY_WITHOUT_REGISTRY',
      '--pull-only needs a registry to pull from, and this config has none',
      {
        exitCode: ExitCode.usage,
        hint: `Add \`registry: { url: 127.0.0.1:5000/team, insecure: true }\` (the registry the build job pushed to) to ${env.file}.`,
      },
    );
  }
  if (!env.registry) return undefined;
  // Fail early and as a usage error on a url no reference can be made of (e.g. with credentials in it).
  parseImageRef(imageRef('probe', 'tm-0', env.registry.url));
  const credentials = registryCredentials(env.registry, options.processEnv);
  return {
    ...env.registry,
    push: env.registry.push || Boolean(options.push),
    pull: env.registry.pull || Boolean(options.pull),
    ...(credentials ? { credentials } : {}),
  };
}

export interface ImageSources {
  /** Image name -> the reference to build, push, pull and deploy (`<registry.url>/<name>:tm-...` in registry mode). */
  refs: Map<string, string>;
  presence: Map<string, ImagePresence>;
  /** Image name -> detail, for every image whose build step is cached. */
  cached: Map<string, string | undefined>;
}

export interface ResolveSourcesInput {
  /** Content tag per image name (from computeImageTags). */
  tags: ReadonlyMap<string, { tag: string }>;
  /** References given from outside (a build job's refs file); they replace the computed ones. */
  refs?: ReadonlyMap<string, string>;
  engine: ContainerEngine;
  registry?: RegistryMode;
  signal?: AbortSignal;
  hasTag?: TagLookup;
}

/**
 * Resolves every image's reference and asks the engine (and, in registry mode, the registry) which
 * tags exist, all images at once. The registry is asked only when it can matter: always when
 * pushing (to know what to push), when pulling only for images the engine lacks.
 */
export async function resolveImageSources(input: ResolveSourcesInput): Promise<ImageSources> {
  const { engine, registry, signal } = input;
  const lookup = input.hasTag ?? hasTag;
  const refs = input.refs
    ? new Map(input.refs)
    : new Map([...input.tags].map(([name, key]) => [name, imageRef(name, key.tag, registry?.url)]));
  const presence = new Map<string, ImagePresence>();
  const inEngine = await imagesPresent(engine, [...refs.values()], signal);
  await Promise.all(
    [...refs].map(async ([name, ref]) => {
      const local = inEngine.get(ref) ?? false;
      const ask = registry !== undefined && (registry.push || (registry.pull && !local));
      const inRegistry = ask
        ? await lookup(ref, {
            insecure: registry.insecure,
            ...(signal ? { signal } : {}),
            ...(registry.credentials ? { credentials: registry.credentials } : {}),
          })
        : undefined;
      presence.set(name, inRegistry === undefined ? { local } : { local, registry: inRegistry });
    }),
  );
  const cached = new Map<string, string | undefined>();
  for (const [name, ref] of refs) {
    const decision = cacheDecision(presence.get(name) ?? { local: false }, ref, registry);
    if (decision.cached) cached.set(name, decision.detail);
  }
  return { refs, presence, cached };
}

/**
 * Whether an image's build step is cached, and the detail shown with it. A local image is cached,
 * except when pushing and the registry lacks it (its step then only pushes). An image only in the
 * registry is cached when the env pulls or pushes: whoever needs it later pulls it.
 */
export function cacheDecision(
  presence: ImagePresence,
  ref: string,
  registry?: RegistryMode,
): { cached: boolean; detail?: string } {
  if (presence.local) {
    if (registry?.push && presence.registry === false) return { cached: false };
    return presence.registry ? { cached: true, detail: `${ref} (local, in registry)` } : { cached: true };
  }
  if (presence.registry && registry && (registry.pull || registry.push))
    return { cached: true, detail: `in registry: ${ref}` };
  return { cached: false };
}
