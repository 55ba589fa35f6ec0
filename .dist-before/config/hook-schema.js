import { z } from "zod";
import { durationMs } from "./duration.js";
import { partName } from "./names.js";
const DEFAULT_HOOK_TIMEOUT_MS = 3e5;
const hook = z.strictObject({
  name: partName.optional().describe(
    "Hook name, shown in the plan and the journal as `hook:<group>/<name>`; default `before-N` / `after-N`."
  ),
  command: z.array(z.string()).min(1, 'Expected the command as a non-empty argv list, e.g. ["node", "seed.mjs"]').describe("The command as argv (no shell); a relative program path is resolved against `cwd`."),
  env: z.record(z.string(), z.string()).default({}).describe("Extra environment; wins over the endpoint variables (TARMAC_SERVICE_<NAME>) tarmac sets."),
  cwd: z.string().optional().describe("Working directory, relative to this file and inside the project (default: this file's directory)."),
  timeout: durationMs.optional().describe("Time limit for the command (default 5m).")
}).describe("A command run as its own step, with TARMAC_SERVICE_<NAME> endpoint variables like the tests.");
const hooksSchema = z.strictObject({
  before: z.array(hook).prefault([]).describe("Run in order before the group is applied (after the groups in `after`)."),
  after: z.array(hook).prefault([]).describe(
    "Run in order once the group is ready; groups that name this one in `after`, and the tests, wait for them."
  )
}).describe(
  "Commands run before the group is applied and after it is ready, e.g. seeding data or a host-side migration."
);
export {
  DEFAULT_HOOK_TIMEOUT_MS,
  hooksSchema
};
//# sourceMappingURL=hook-schema.js.map
