// What each command-group declaration gets: the program, the io and a way to set the exit code.
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export interface DeclareContext {
  io: CliIo;
  /** Records the command's exit code; main returns it. */
  setCode(code: number): void;
}

/** Adds one group of commands to the program; each command loads its module lazily. */
export type DeclareCommands = (program: Command, ctx: DeclareContext) => void;
