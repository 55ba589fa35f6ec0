// The env and the other clusters of its suite (CollectContext.siblings), for the collectors that read a cluster: the
// env's own reading must succeed (its error is the collector's); a sibling that cannot be read is noted and skipped,
// so one unreachable cluster never hides what the others show.
import type { Env } from '../../config/types.js';
import type { CollectContext } from './context.js';
import type { RawLog } from './raw-log.js';

/** `read` on the env, then on each sibling at once; the siblings' results that succeeded follow the env's. */
export async function readEachCluster<T>(
  ctx: CollectContext,
  env: Env,
  log: RawLog,
  read: (env: Env) => Promise<T>,
): Promise<{ env: Env; value: T }[]> {
  const [own, ...others] = await Promise.allSettled([env, ...(ctx.siblings ?? [])].map(read));
  if (own!.status === 'rejected') throw own!.reason;
  const values = [{ env, value: own!.value }];
  others.forEach((result, i) => {
    const sibling = ctx.siblings![i]!;
    if (result.status === 'fulfilled') values.push({ env: sibling, value: result.value });
    else
      log.note(
        `cluster ${sibling.cluster.name} could not be read: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
      );
  });
  return values;
}
