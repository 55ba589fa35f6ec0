// Declares the history commands: history, stats, plan (owned by the history work).
import type { DeclareCommands } from './types.js';

/** history, stats, plan (owned by the history work). */
export const declareHistoryCommands: DeclareCommands = (_program, _ctx) => {
  // Commands are added here.
};
