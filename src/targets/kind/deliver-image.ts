// deliver(): save to a unique temp archive, `kind load image-archive`, delete the archive, verify on every
// node; skipped when every node already has the image; transient failures are retried a bounded number of times.
import { rm } from 'node:fs/promises';
import type { TargetContext } from '../types.js';
import { isTransientDeliveryFailure, LoadFailedError, notVerifiedError } from './deliver-errors.js';
import type { KindDeps } from './kind-deps.js';
import { imagePresence, presentEverywhere } from './node-images.js';
import { archivePath } from './paths.js';
import { withRetry } from './retry.js';

/** Attempts per delivery (the first included). */
export const DELIVER_ATTEMPTS = 3;
const BACKOFF_MS = 1000;

/** Makes `ref` available on every node of the cluster; 'present' when it already was. */
export async function deliverImage(deps: KindDeps, ref: string, ctx: TargetContext): Promise<'delivered' | 'present'> {
  const before = await imagePresence(deps, ref, ctx.signal);
  if (presentEverywhere(before)) return 'present';
  // Load only where it is missing: a node that has it keeps it.
  const onlyNodes =
    before.missing.length > 0 && before.missing.length < before.nodes.length ? before.missing : undefined;
  await withRetry(() => loadOnce(deps, ref, ctx, onlyNodes), {
    attempts: DELIVER_ATTEMPTS,
    backoffMs: BACKOFF_MS,
    isTransient: isTransientDeliveryFailure,
    sleep: deps.sleep,
    signal: ctx.signal,
    onRetry: (attempt, error, waitMs) =>
      ctx.output(
        `delivery of ${ref} failed (${error instanceof Error ? error.message : String(error)}); attempt ${attempt}/${DELIVER_ATTEMPTS} in ${waitMs}ms`,
      ),
  });
  // Verified on a fresh reading: the load may have reached no node although kind said it did.
  const after = await imagePresence(deps, ref, ctx.signal, true);
  if (!presentEverywhere(after)) throw notVerifiedError(ref, deps.name, after, deps.engine.name);
  return 'delivered';
}

/** One attempt: engine save -> kind load image-archive -> archive removed whatever happened. */
async function loadOnce(deps: KindDeps, ref: string, ctx: TargetContext, nodes: string[] | undefined): Promise<void> {
  const archive = archivePath(deps.runId, deps.name);
  try {
    ctx.output(`saving ${ref} to ${archive}`);
    await deps.engine.save(ref, archive, ctx.signal);
    const args = [
      'load',
      'image-archive',
      archive,
      '--name',
      deps.name,
      ...(nodes ? ['--nodes', nodes.join(',')] : []),
    ];
    ctx.output(`loading ${ref} into kind cluster ${deps.name}${nodes ? ` (nodes ${nodes.join(', ')})` : ''}`);
    const result = await deps.tools.kind(args, {
      timeoutMs: deps.env.timeouts.deliver,
      signal: ctx.signal,
      onLine: ctx.output,
    });
    if (!result.ok) throw new LoadFailedError(ref, deps.name, result);
  } finally {
    await rm(archive, { force: true });
  }
}
