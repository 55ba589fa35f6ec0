// How each step state reads to a person; one place so every view says the same.
import type { StepState } from '../events/types.js';
import type { Colors } from './colors.js';

/** The word for a finished or running step, e.g. "built", "cached", "FAILED". */
export function stateWord(state: StepState, kind: string): string {
  switch (state) {
    case 'pending':
      return 'pending';
    case 'running':
      return 'running';
    case 'succeeded':
      return kind === 'build' ? 'built' : 'done';
    case 'cached':
      return 'cached';
    case 'failed':
      return 'FAILED';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
  }
}

/** A one-character symbol for a state. */
export function stateSymbol(state: StepState, c: Colors): string {
  switch (state) {
    case 'pending':
      return c.dim('·');
    case 'running':
      return c.cyan('▸');
    case 'succeeded':
      return c.green('✓');
    case 'cached':
      return c.green('=');
    case 'failed':
      return c.red('✗');
    case 'skipped':
      return c.yellow('-');
    case 'cancelled':
      return c.yellow('⊘');
  }
}

/** Cuts a line to `max` characters, marking the cut. */
export function clip(line: string, max: number): string {
  const clean = line.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1))}…`;
}
