import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, workflowCommand } from './escape.js';
import { ciMode } from './detect.js';

describe('workflow command escaping (as @actions/core does it)', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b');
    expect(escapeProperty('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext%3A a%2Cb');
  });

  it('builds ::level props::message and leaves out absent properties', () => {
    expect(workflowCommand('error', { file: 'a,b.yaml', line: 3, title: 't: x' }, 'm\nn')).toBe(
      '::error file=a%2Cb.yaml,line=3,title=t%3A x::m%0An',
    );
    expect(workflowCommand('warning', {}, 'plain')).toBe('::warning::plain');
  });
});

describe('ciMode', () => {
  it.each([
    [{ CI: 'true' }, false, { ci: true, github: false }],
    [{ CI: '1', GITHUB_ACTIONS: 'true' }, false, { ci: true, github: true }],
    [{ GITHUB_ACTIONS: 'true' }, false, { ci: false, github: false }],
    [{}, true, { ci: true, github: false }],
    [{ CI: 'false' }, false, { ci: false, github: false }],
  ])('%j with --ci=%s', (env, flag, mode) => {
    expect(ciMode(env, flag)).toEqual(mode);
  });
});
