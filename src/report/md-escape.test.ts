// Hostile names and messages in report.md and the GitHub job summary: they stay text.
import { describe, expect, it } from 'vitest';
import { safeText } from '../ui/safe-text.js';
import { renderSummary } from '../ci/summary.js';
import type { CiRun } from '../ci/ci-run.js';
import { codeBlock, mdCode, mdText } from './md-escape.js';

const HOSTILE = {
  link: 'logs in [click here](https://evil.example/steal)',
  image: '![pixel](https://evil.example/track.png)',
  html: '<img src=x onerror=alert(1)><script>alert(2)</script>',
  autolink: '<https://evil.example>',
  codeBreak: 'a `b` c',
  fenceEdge: '`starts and ends`',
  table: 'a | b | c',
  terminal: 'name\u001b]0;pwned\u0007\u001b[2J\rfake line\u202egnp.exe',
};

describe('mdText', () => {
  it('leaves no link or image: a ] before ( or [ is escaped', () => {
    expect(mdText(HOSTILE.link)).toBe('logs in [click here\\](https://evil.example/steal)');
    expect(mdText(HOSTILE.image)).toBe('![pixel\\](https://evil.example/track.png)');
    expect(mdText('[a][ref]')).toBe('[a\\][ref]');
  });

  it('leaves no raw HTML or autolink, no table break, no code span', () => {
    expect(mdText(HOSTILE.html)).toBe('\\<img src=x onerror=alert(1)\\>\\<script\\>alert(2)\\</script\\>');
    expect(mdText(HOSTILE.autolink)).toBe('\\<https://evil.example\\>');
    expect(mdText(HOSTILE.table)).toBe('a \\| b \\| c');
    expect(mdText(HOSTILE.codeBreak)).toBe('a \\`b\\` c');
  });

  it('shows terminal control characters as visible escapes, on one line', () => {
    expect(mdText(HOSTILE.terminal)).toBe('name\\\\x1b]0;pwned\\\\x07\\\\x1b[2J\\\\rfake line\\\\u202egnp.exe');
    expect(mdText('two\nlines')).toBe('two lines');
  });
});

describe('mdCode', () => {
  it('fences a code span longer than any backtick run inside, padding a backtick at either end', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode(HOSTILE.codeBreak)).toBe('``a `b` c``');
    expect(mdCode(HOSTILE.fenceEdge)).toBe('`` `starts and ends` ``');
    expect(mdCode('x``y|z')).toBe('```x``y\\|z```');
  });
});

describe('codeBlock', () => {
  it('cannot be closed early and carries no control character', () => {
    expect(codeBlock(['```', 'ok\u001b[31m'])).toEqual(['````', '```', 'ok\\x1b[31m', '````']);
  });
});

describe('job summary', () => {
  it('keeps hostile test names and messages as text', () => {
    const run: CiRun = {
      runId: 'r1',
      command: 'test',
      outcome: 'failed',
      configFile: '/p/tarmac.yaml',
      steps: [{ id: 'test', state: 'failed', error: { code: 'TESTS_FAILED', message: HOSTILE.image } }],
      tests: {
        totals: { tests: 2, passed: 0, failed: 2, skipped: 0, errors: 0 },
        failing: [
          { id: HOSTILE.codeBreak, status: 'failed', message: HOSTILE.link },
          { id: HOSTILE.html, status: 'failed', message: HOSTILE.terminal },
        ],
      },
      links: [],
    };
    const md = renderSummary(run);
    expect(md).toContain('| ``a `b` c`` | failed | logs in [click here\\](https://evil.example/steal) |');
    expect(md).toContain('| `<img src=x onerror=alert(1)><script>alert(2)</script>` | failed | name\\\\x1b]0;pwned');
    expect(md).toContain('**test** failed `TESTS_FAILED`: ![pixel\\](https://evil.example/track.png)');
    // Nothing left that safeText would escape.
    expect(safeText(md)).toBe(md);
  });
});
