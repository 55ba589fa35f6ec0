// Public API of the config layer: load tarmac.yaml into an Env, render its problems.
export { findConfigFile, loadEnv, loadEnvWithWarnings } from './load.js';
export type { LoadedEnv, LoadOptions } from './load.js';
export { formatProblemList, formatProblems, formatWarnings } from './format.js';
export { configJsonSchemaText } from './json-schema.js';
export { formatDuration, parseDuration } from './duration.js';
export { configSchema } from './schema.js';
export type { ConfigInput, ConfigOutput } from './schema.js';
export type * from './types.js';
