// Declares the ci commands: bundle, junit merge (owned by the CI work).
import type { DeclareCommands } from './types.js';

/** bundle, junit merge (owned by the CI work). */
export const declareCiCommands: DeclareCommands = (_program, _ctx) => {
  // Commands are added here.
};
