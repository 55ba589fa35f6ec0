// The process boundary: the one place tarmac starts processes.
export type { RunOptions, RunResult, Runner } from './types.js';
export { createRunner, run } from './run.js';
export { describeFailure, shortCommand } from './describe.js';
export { commandFailed, type CommandFailedOptions } from './errors.js';
export { formatCommand, quoteArg } from './format-command.js';
