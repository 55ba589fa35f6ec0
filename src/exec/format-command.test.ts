import { describe, expect, it } from 'vitest';
import { formatCommand } from './format-command.js';

describe('formatCommand', () => {
  it('leaves plain arguments alone and quotes the rest', () => {
    expect(formatCommand('podman', ['build', '-t', 'localhost/a:tm-1', '--label', 'k=v w', "it's", ''])).toBe(
      `podman build -t localhost/a:tm-1 --label 'k=v w' 'it'\\''s' ''`,
    );
  });
});
