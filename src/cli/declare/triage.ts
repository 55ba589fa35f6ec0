// Declares the triage commands: doctor, triage (owned by the triage work).
import type { DeclareCommands } from './types.js';

/** doctor, triage (owned by the triage work). */
export const declareTriageCommands: DeclareCommands = (_program, _ctx) => {
  // Commands are added here.
};
