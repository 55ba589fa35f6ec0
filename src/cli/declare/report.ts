// Declares the report commands: report (owned by the report work).
import type { DeclareCommands } from './types.js';

/** report (owned by the report work). */
export const declareReportCommands: DeclareCommands = (_program, _ctx) => {
  // Commands are added here.
};
