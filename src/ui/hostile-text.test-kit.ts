// Hostile text for the printer tests: what a config value, step output, test name or tool message could hold to
// drive a terminal (retitle the window, clear the screen, overwrite a line, reverse what is shown).
import { expect } from 'vitest';
import { colorsFor } from './colors.js';

/** A window title, a screen clear, a carriage return and a bidi override, around readable words. */
export const HOSTILE = 'pwn\u001b]0;pwned\u0007\u001b[2J\rFAKE ok\u202eevil';

/** How HOSTILE must be shown: every control character as a visible escape. */
export const HOSTILE_SHOWN = 'pwn\\x1b]0;pwned\\x07\\x1b[2J\\rFAKE ok\\u202eevil';

/** tarmac's own colours, as on a terminal. */
export const COLOURS = colorsFor(true, {});

// The exact SGR codes colors.ts writes (red, green, yellow, dim, bold, cyan and their resets).
// eslint-disable-next-line no-control-regex
const OWN_CODES = /\u001b\[(?:31|32|33|2|1|36|39|22)m/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Fails unless `printed` shows HOSTILE escaped and holds no control character but tarmac's own colour codes. */
export function expectEscaped(printed: string, options: { coloured: boolean }): void {
  expect(printed).toContain(HOSTILE_SHOWN);
  expect(printed.replace(OWN_CODES, '')).not.toMatch(CONTROL);
  if (options.coloured) expect(printed).toMatch(new RegExp(OWN_CODES.source));
}
