// The process boundary: the one place tarmac starts processes.
export type { CommandOptions, CommandResult, CommandRunner } from './types.js';
export { createCommandRunner, runCommand } from './run-command.js';
export { describeFailure, shortCommand } from './describe.js';
export { commandFailed, type CommandFailedOptions } from './errors.js';
export { formatCommand, quoteArg } from './format-command.js';
