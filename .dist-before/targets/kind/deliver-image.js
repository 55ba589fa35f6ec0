import { rm } from "node:fs/promises";
import { isTransientDeliveryFailure, LoadFailedError, notVerifiedError } from "./deliver-errors.js";
import { imagePresence, presentEverywhere } from "./node-images.js";
import { archivePath } from "./paths.js";
import { withRetry } from "./retry.js";
const DELIVER_ATTEMPTS = 3;
const BACKOFF_MS = 1e3;
async function deliverImage(deps, ref, ctx) {
  const before = await imagePresence(deps, ref, ctx.signal);
  if (presentEverywhere(before)) return "present";
  const onlyNodes = before.missing.length > 0 && before.missing.length < before.nodes.length ? before.missing : void 0;
  await withRetry(() => loadOnce(deps, ref, ctx, onlyNodes), {
    attempts: DELIVER_ATTEMPTS,
    backoffMs: BACKOFF_MS,
    isTransient: isTransientDeliveryFailure,
    sleep: deps.sleep,
    signal: ctx.signal,
    onRetry: (attempt, error, waitMs) => ctx.output(
      `delivery of ${ref} failed (${error instanceof Error ? error.message : String(error)}); attempt ${attempt}/${DELIVER_ATTEMPTS} in ${waitMs}ms`
    )
  });
  const after = await imagePresence(deps, ref, ctx.signal);
  if (!presentEverywhere(after)) throw notVerifiedError(ref, deps.name, after, deps.engine.name);
  return "delivered";
}
async function loadOnce(deps, ref, ctx, nodes) {
  const archive = archivePath(deps.runId, deps.name);
  try {
    ctx.output(`saving ${ref} to ${archive}`);
    await deps.engine.save(ref, archive, ctx.signal);
    const args = [
      "load",
      "image-archive",
      archive,
      "--name",
      deps.name,
      ...nodes ? ["--nodes", nodes.join(",")] : []
    ];
    ctx.output(`loading ${ref} into kind cluster ${deps.name}${nodes ? ` (nodes ${nodes.join(", ")})` : ""}`);
    const result = await deps.tools.kind(args, {
      timeoutMs: deps.env.timeouts.deliver,
      signal: ctx.signal,
      onLine: ctx.output
    });
    if (!result.ok) throw new LoadFailedError(ref, deps.name, result);
  } finally {
    await rm(archive, { force: true });
  }
}
export {
  DELIVER_ATTEMPTS,
  deliverImage
};
//# sourceMappingURL=deliver-image.js.map
