import { findConfigFile, loadEnv, loadEnvWithWarnings } from "./load.js";
import { formatProblemList, formatProblems, formatWarnings } from "./format.js";
import { configJsonSchemaText } from "./json-schema.js";
import { formatDuration, parseDuration } from "./duration.js";
import { configSchema } from "./schema.js";
export {
  configJsonSchemaText,
  configSchema,
  findConfigFile,
  formatDuration,
  formatProblemList,
  formatProblems,
  formatWarnings,
  loadEnv,
  loadEnvWithWarnings,
  parseDuration
};
//# sourceMappingURL=index.js.map
