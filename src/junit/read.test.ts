// readJUnit: reading from disk, and the JUNIT_MISSING error that says where to look.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJUnit, shownPath } from './read.js';
import { rejection } from '../engines/engine.test-kit.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'junit-read-'));
  made.push(dir);
  return dir;
}

describe('readJUnit', () => {
  it('parses the file and names it relative to the config directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'junit.xml'), '<testsuite name="s"><testcase classname="c" name="n"/></testsuite>');
    const report = await readJUnit(join(dir, 'out', 'junit.xml'), { configDir: dir });
    expect(report.file).toBe('out/junit.xml');
    expect(report.cases.map((c) => c.id)).toEqual(['c.n']);
  });

  it('a missing file is JUNIT_MISSING naming the path, where the command ran and the XML files that are there', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'e2e'));
    writeFileSync(join(dir, 'e2e', 'TEST-results.xml'), '<testsuite/>');
    writeFileSync(join(dir, 'e2e', 'notes.txt'), 'x');
    const err = await rejection(readJUnit(join(dir, 'e2e', 'junit.xml'), { configDir: dir, cwd: join(dir, 'e2e') }));
    expect(err.code).toBe('JUNIT_MISSING');
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe('JUnit XML e2e/junit.xml does not exist');
    expect(err.hint).toBe('check test.junit matches where the command writes it (the command ran in e2e)');
    expect(err.details).toEqual(['.xml files in e2e: TEST-results.xml']);
  });

  it('says when the directory of the expected file does not exist either', async () => {
    const dir = tempDir();
    const err = await rejection(readJUnit(join(dir, 'reports', 'junit.xml'), { configDir: dir, cwd: dir }));
    expect(err.hint).toBe('check test.junit matches where the command writes it (the command ran in .)');
    expect(err.details).toEqual(['the directory reports does not exist either']);
  });

  it('a directory where the file should be is JUNIT_MISSING too', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'junit.xml'));
    const err = await rejection(readJUnit(join(dir, 'junit.xml'), { configDir: dir }));
    expect(err.code).toBe('JUNIT_MISSING');
    expect(err.message).toBe('JUnit XML junit.xml is a directory, not a file');
  });

  it('malformed content is JUNIT_MALFORMED with the shown path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'junit.xml'), '<testsuites><testsuite></testsuites>');
    const err = await rejection(readJUnit(join(dir, 'junit.xml'), { configDir: dir }));
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.message).toMatch(/^junit\.xml:1:\d+: /);
  });
});

describe('shownPath', () => {
  it('is relative inside the base, absolute outside it, "." for the base itself', () => {
    expect(shownPath('/p/a/b.xml', '/p')).toBe('a/b.xml');
    expect(shownPath('/p', '/p')).toBe('.');
    expect(shownPath('/q/b.xml', '/p')).toBe('/q/b.xml');
    expect(shownPath('/p/..x/b.xml', '/p')).toBe('..x/b.xml');
    expect(shownPath('/q/b.xml', undefined)).toBe('/q/b.xml');
  });
});
