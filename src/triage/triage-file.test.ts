import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleTriage } from '../report/report.test-kit.js';
import { readTriageFile } from './triage-file.js';

const dir = mkdtempSync(join(tmpdir(), 'tarmac-triage-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'triage.json');

describe('readTriageFile', () => {
  it('reads a triage back as written; no file is no triage and no warning', () => {
    expect(readTriageFile(join(dir, 'missing.json'))).toEqual({});
    writeFileSync(file, JSON.stringify(sampleTriage()));
    expect(readTriageFile(file)).toEqual({ triage: sampleTriage() });
  });

  it('turns broken JSON, null and a wrong shape into a warning naming the file', () => {
    writeFileSync(file, '{"verdicts": [');
    expect(readTriageFile(file).warning).toMatch(
      new RegExp(`^${file} is not readable JSON \\(.+\\); the triage is left out$`),
    );
    writeFileSync(file, 'null');
    expect(readTriageFile(file)).toEqual({
      warning: `${file} is not a valid triage: Invalid input: expected object, received null; the triage is left out`,
    });
    writeFileSync(file, JSON.stringify({ ...sampleTriage(), verdicts: [{ ruleId: 'x' }] }));
    expect(readTriageFile(file).warning).toMatch(
      new RegExp(`^${file} is not a valid triage at verdicts\\.0\\.title: `),
    );
  });
});
