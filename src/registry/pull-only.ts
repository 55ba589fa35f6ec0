// `tarmac up --pull-only`: never build; every image the deploy needs must already be in the engine or the registry.
import { ExitCode, TarmacError } from '../errors/errors.js';
import { redactSecrets } from '../redact/patterns.js';
import type { ImagePresence } from './image-sources.js';

export interface PullOnlyInput {
  /** Images the deploy groups use (only they are pulled; a base image is only a build input). */
  needed: readonly string[];
  refs: ReadonlyMap<string, string>;
  presence: ReadonlyMap<string, ImagePresence>;
  /** The refs file the refs came from, when one was given. */
  refsFile?: string;
}

/**
 * Throws IMAGE_NOT_IN_REGISTRY (exit 3) naming every needed image that neither the engine nor the registry
 * has, with its tag and the job that should have pushed it.
 */
export function assertPullable(input: PullOnlyInput): void {
  const missing = input.needed.filter((name) => {
    const p = input.presence.get(name);
    return !p?.local && !p?.registry;
  });
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}: ${redactSecrets(input.refs.get(name) ?? '')} is not in the registry`);
  const source = input.refsFile ? `named in ${input.refsFile}` : 'computed from the build contexts here';
  throw new TarmacError(
    'IMAGE_NOT_IN_REGISTRY',
    `--pull-only: ${missing.length} image${missing.length === 1 ? '' : 's'} to deploy ${missing.length === 1 ? 'is' : 'are'} not in the registry (tags ${source})`,
    {
      exitCode: ExitCode.environment,
      details: lines,
      hint: input.refsFile
        ? 'The build job should have pushed them: run `tarmac build --push --refs FILE` in the build job and pass this job its refs file; nothing is built under --pull-only.'
        : 'Run `tarmac build --push` in the build job first (on the same sources: a changed file changes the tag); nothing is built under --pull-only.',
    },
  );
}
