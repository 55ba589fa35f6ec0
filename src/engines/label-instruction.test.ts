import { describe, expect, it } from 'vitest';
import { withLabelInstruction } from './label-instruction.js';

const LABELS = [
  ['io.tarmac.env', 'dev'],
  ['io.tarmac.managed', 'true'],
  ['io.tarmac.run', '20261129-000001-f569'],
] as const;

describe('withLabelInstruction', () => {
  it('appends one LABEL line for the final stage, adding the missing newline', () => {
    expect(withLabelInstruction('FROM scratch\nCOPY a /a', LABELS)).toBe(
      'FROM scratch\nCOPY a /a\nLABEL io.tarmac.env=dev io.tarmac.managed=true io.tarmac.run=20261129-000001-f569\n',
    );
    expect(withLabelInstruction('FROM scratch\n', [['k', 'v']])).toBe('FROM scratch\nLABEL k=v\n');
  });

  it('leaves the file alone with no labels', () => {
    expect(withLabelInstruction('FROM scratch\n', [])).toBe('FROM scratch\n');
  });

  it('refuses labels that would need quoting or escaping', () => {
    for (const label of [
      ['k', 'a b'],
      ['k', '$HOME'],
      ['k', 'say "hi"'],
      ['k', ''],
      ['a=b', 'c'],
      ['k', 'back\\slash'],
    ] as const) {
      expect(withLabelInstruction('FROM scratch\n', [label]), label.join('=')).toBeUndefined();
    }
  });

  it('refuses a file whose last instruction is continued (by \\ or a backtick escape)', () => {
    expect(withLabelInstruction('FROM scratch\nRUN echo \\\n', [['k', 'v']])).toBeUndefined();
    expect(withLabelInstruction('# escape=`\nFROM scratch\nRUN echo `\n\n', [['k', 'v']])).toBeUndefined();
  });
});
