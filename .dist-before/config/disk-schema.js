import { z } from "zod";
import { ageMs } from "./age.js";
import { sizeBytes } from "./size.js";
const DEFAULT_MIN_FREE_BYTES = 2 * 1024 ** 3;
const diskSchema = z.strictObject({
  minFree: sizeBytes.default(DEFAULT_MIN_FREE_BYTES).describe(
    `Least free space wanted at the engine's image storage and at the temp dir before building, e.g. "2GiB" or "500MiB" (default 2GiB). The expected need is the larger of this and the size of the env's images.`
  ),
  prune: z.strictObject({
    danglingOlderThan: ageMs.optional().describe(
      'Before building, remove dangling images built by tarmac (label io.tarmac.managed=true) older than this, e.g. "7d". Nothing else is ever removed.'
    )
  }).optional().describe("What tarmac may remove on its own to free disk.")
}).default({ minFree: DEFAULT_MIN_FREE_BYTES }).describe("Disk guard: free-space preflight and prune policy.");
export {
  DEFAULT_MIN_FREE_BYTES,
  diskSchema
};
//# sourceMappingURL=disk-schema.js.map
