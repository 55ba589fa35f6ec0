import { describe, expect, it } from 'vitest';
import { statusLines } from '../triage/render-text.js';
import { table } from './text-table.js';

describe('table', () => {
  it('pads each column to its widest cell, two spaces apart, and never pads the last column', () => {
    expect(
      table(
        ['step', 'est', 'why'],
        [
          ['build:api', '12.0s', 'history'],
          ['test', '-', ''],
        ],
      ),
    ).toBe(['step       est    why', 'build:api  12.0s  history', 'test       -'].join('\n'));
  });

  it('keeps a least width and styles padded cells and the header', () => {
    const lines = table([' a', 'b'], [['x', 'y']], {
      minWidths: [4],
      cell: (padded, _row, column) => (column === 0 ? `<${padded}>` : padded),
      header: (line) => line.toUpperCase(),
    });
    expect(lines).toBe([' A    B', '<x   >  y'].join('\n'));
  });
});

describe('statusLines (the triage status table)', () => {
  it('aligns component, a status column at least 8 wide, and the evidence', () => {
    expect(
      statusLines([
        { component: 'engine', status: 'ok', evidence: 'podman 4.3.1' },
        { component: 'cluster kind-x', status: 'degraded', evidence: '1/2 nodes Ready' },
      ]),
    ).toEqual([
      'COMPONENT       STATUS    EVIDENCE',
      'engine          OK        podman 4.3.1',
      'cluster kind-x  DEGRADED  1/2 nodes Ready',
    ]);
  });
});
