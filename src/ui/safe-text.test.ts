import { describe, expect, it } from 'vitest';
import { safeDeep, safeText } from './safe-text.js';

describe('safeText', () => {
  it('shows escape sequences, carriage returns, bells and bidi overrides as visible escapes', () => {
    expect(safeText('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(safeText('\u001b]0;title\u0007')).toBe('\\x1b]0;title\\x07');
    expect(safeText('ok\rFAKE')).toBe('ok\\rFAKE');
    expect(safeText('a\u009bb\u007f')).toBe('a\\x9bb\\x7f');
    expect(safeText('invoice\u202efdp.exe')).toBe('invoice\\u202efdp.exe');
  });

  it('keeps tabs, newlines and all printable text (accents, emoji) as they are', () => {
    const text = 'a\tb\nç ✅ 名前 [x](y)';
    expect(safeText(text)).toBe(text);
  });

  it('escapes every string of an event, nested ones too', () => {
    expect(safeDeep({ a: '\u001b[2J', b: ['\u0007'], n: 1 })).toEqual({ a: '\\x1b[2J', b: ['\\x07'], n: 1 });
  });
});
