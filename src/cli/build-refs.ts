// `tarmac build --push --refs FILE`: the resolved registry references handed to later CI jobs.
import { resolve } from 'node:path';
import type { Env } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { RefsDocument } from '../registry/refs-file.js';
import type { BuiltImage } from '../orchestrate/build-images.js';

/**
 * The absolute refs path, checked before anything is built: references are only worth handing on when they
 * are pushed. Throws REFS_WITHOUT_PUSH (exit 2) when the build does not push to a registry.
 */
export function refsTarget(env: Env, opts: { refs?: string; push?: boolean }, cwd: string): string | undefined {
  if (opts.refs === undefined) return undefined;
  // Not registryMode(): credentials are resolved later, with the process environment.
  if (!env.registry || !(env.registry.push || opts.push)) {
    throw new TarmacError(
      'REFS_WITHOUT_PUSH',
      '--refs writes the pushed registry references, and this build pushes nothing',
      {
        exitCode: ExitCode.usage,
        hint: 'Run `tarmac build --push --refs FILE` (with `registry.url` set in tarmac.yaml).',
      },
    );
  }
  return resolve(cwd, opts.refs);
}

/** The refs document of a build in push mode; undefined when the env has no registry (references are local only). */
export function refsDocument(env: Env, runId: string, images: readonly BuiltImage[]): RefsDocument | undefined {
  if (!env.registry) return undefined;
  return {
    images: Object.fromEntries(images.map((i) => [i.name, i.ref])),
    env: env.name,
    runId,
    registry: env.registry.url,
  };
}
