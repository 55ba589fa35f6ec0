import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeKnownReports } from '../../../scripts/known-reports.mjs';
import { loadKnownReports, shippedKnownReportsFile } from './load-known.js';

const CASES = new URL('../../../test/corpus/cases/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tarmac-known-reports-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('known reports shipped with the build', () => {
  it('holds every corpus case, and loads as an index that finds a case by its own output', () => {
    const count = writeKnownReports(CASES, dir);
    const cases = readdirSync(CASES).flatMap((c) => readdirSync(join(CASES, c)).filter((n) => n.endsWith('.json')));
    expect(count).toBe(cases.length);
    const index = loadKnownReports(join(dir, 'known-reports.json'));
    expect(index?.size).toBe(count);
    const [first] = JSON.parse(readFileSync(join(dir, 'known-reports.json'), 'utf8')) as {
      id: string;
      output: string;
    }[];
    expect(index?.nearest(first!.output)?.report.id).toBe(first!.id);
  });

  it('skips an entry without the fields of a report and keeps the others; reads a file once', () => {
    const good = {
      id: 'g',
      category: 'dns',
      source: { url: 'https://example.test/g' },
      rootCause: 'c',
      output: 'no such host',
    };
    writeFileSync(join(dir, 'mixed.json'), JSON.stringify([{ id: 'bad', output: 'no such host' }, good]));
    const index = loadKnownReports(join(dir, 'mixed.json'));
    expect(index?.size).toBe(1);
    expect(index?.nearest('lookup x: no such host')?.report).toMatchObject({ id: 'g', category: 'dns', cause: 'c' });
    expect(loadKnownReports(join(dir, 'mixed.json'))).toBe(index);
  });

  it('is absent, not an error, when the file is missing or does not parse', () => {
    expect(loadKnownReports(join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(loadKnownReports(join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(join(dir, 'empty.json'), '[]');
    expect(loadKnownReports(join(dir, 'empty.json'))).toBeUndefined();
  });

  it('looks for the shipped file in dist/ of the package root', () => {
    expect(shippedKnownReportsFile()).toBe(new URL('../../../dist/known-reports.json', import.meta.url).pathname);
  });

  it('names a corpus file that is not JSON', () => {
    const cases = join(dir, 'broken-cases');
    mkdirSync(join(cases, 'dns'), { recursive: true });
    writeFileSync(join(cases, 'dns', 'half.json'), '{"id": "half"');
    expect(() => writeKnownReports(cases, dir)).toThrow(`${join(cases, 'dns', 'half.json')}: not JSON`);
  });

  it('writes nothing and says 0 when there is no corpus', () => {
    expect(writeKnownReports(join(dir, 'no-corpus'), dir)).toBe(0);
  });
});
