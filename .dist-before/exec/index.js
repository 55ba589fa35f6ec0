import { createCommandRunner, runCommand } from "./run-command.js";
import { describeFailure, shortCommand } from "./describe.js";
import { commandFailed } from "./errors.js";
import { formatCommand, quoteArg } from "./format-command.js";
export {
  commandFailed,
  createCommandRunner,
  describeFailure,
  formatCommand,
  quoteArg,
  runCommand,
  shortCommand
};
//# sourceMappingURL=index.js.map
