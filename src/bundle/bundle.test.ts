import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRedactor } from '../redact/redactor.js';
import { planBundle } from './bundle-entries.js';
import { writeBundle } from './write-bundle.js';

const root = mkdtempSync(join(tmpdir(), 'tarmac-bundle-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function runDir(): string {
  const dir = mkdtempSync(join(root, 'run-'));
  mkdirSync(join(dir, 'steps'));
  mkdirSync(join(dir, 'kind-logs', 'node-1'), { recursive: true });
  writeFileSync(join(dir, 'events.jsonl'), '{"type":"run.started"}\n');
  writeFileSync(join(dir, 'steps', 'build_a.log'), 'pushing with secret-value-123\n');
  writeFileSync(join(dir, 'kind-logs', 'node-1', 'kubelet.log'), 'Authorization: Bearer abc.def.ghi\n');
  writeFileSync(join(dir, 'kind-logs', 'core.bin'), Buffer.from([0x7f, 0x45, 0x00, 0x01]));
  return dir;
}

describe('planBundle', () => {
  it('takes the run dir parts it finds, generated reports for missing ones, and lists the rest as missing', () => {
    const dir = runDir();
    const plan = planBundle({ runDir: dir, generated: { 'report.md': '# r\n' } });
    expect(plan.entries.map((e) => e.name)).toEqual([
      'events.jsonl',
      'steps/build_a.log',
      'report.md',
      'kind-logs/core.bin',
      'kind-logs/node-1/kubelet.log',
    ]);
    expect(plan.missing).toEqual([
      'owner.json (the journal)',
      'triage.json (triage)',
      'triage.md (triage)',
      'report.html (report)',
      'junit.xml (JUnit results)',
      'evidence/ (triage evidence)',
    ]);
  });

  it("never packs the config's test.junit: JUnit comes only from the run dir's own copy", () => {
    const dir = runDir();
    const junit = join(dir, '..', 'junit-results.xml');
    writeFileSync(junit, '<testsuite/>');
    const plan = planBundle({ runDir: dir });
    expect(plan.entries.map((e) => e.name)).not.toContain('junit.xml');
    writeFileSync(join(dir, 'junit.xml'), '<testsuite name="copy"/>');
    expect(planBundle({ runDir: dir }).entries).toContainEqual({ name: 'junit.xml', source: join(dir, 'junit.xml') });
  });

  it('follows no symlink planted in a run dir: not as a part, not inside a folder, not as a folder', () => {
    const dir = runDir();
    const outside = mkdtempSync(join(root, 'outside-'));
    writeFileSync(join(outside, 'id_rsa'), 'PRIVATE\n');
    mkdirSync(join(outside, 'tree'));
    writeFileSync(join(outside, 'tree', 'passwd'), 'root:x:0:0\n');
    symlinkSync(join(outside, 'id_rsa'), join(dir, 'junit.xml'));
    symlinkSync(join(outside, 'id_rsa'), join(dir, 'steps', 'test.log'));
    symlinkSync(join(outside, 'tree'), join(dir, 'evidence'));
    symlinkSync(join(outside, 'tree'), join(dir, 'kind-logs', 'node-1', 'etc'));
    const plan = planBundle({ runDir: dir, generated: { 'junit.xml': '<x/>' } });
    const names = plan.entries.map((e) => e.name);
    expect(names).toEqual(['events.jsonl', 'steps/build_a.log', 'kind-logs/core.bin', 'kind-logs/node-1/kubelet.log']);
    expect(plan.entries.every((e) => e.source?.startsWith(`${dir}/`))).toBe(true);
    expect(plan.missing).toContain('junit.xml (JUnit results)');
    expect(plan.missing).toContain('evidence/ (triage evidence)');
  });
});

describe('writeBundle', () => {
  it('writes a tar.gz of redacted text files with a manifest, leaving binary files out', async () => {
    const dir = runDir();
    const out = join(root, 'out', 'b.tar.gz');
    const written = await writeBundle(
      'r1',
      planBundle({ runDir: dir }),
      out,
      makeRedactor(['secret-value-123']),
      new Date('2025-03-10T12:00:00Z'),
    );
    expect(written.skipped).toEqual(['kind-logs/core.bin']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const x = mkdtempSync(join(root, 'x-'));
    await extract({ file: out, cwd: x });
    expect(readFileSync(join(x, 'tarmac-r1', 'steps', 'build_a.log'), 'utf8')).toBe('pushing with ***\n');
    expect(readFileSync(join(x, 'tarmac-r1', 'kind-logs', 'node-1', 'kubelet.log'), 'utf8')).toBe(
      'Authorization: Bearer ***\n',
    );
    const manifest = readFileSync(join(x, 'tarmac-r1', 'MANIFEST.txt'), 'utf8');
    expect(manifest).toContain('tarmac bundle of run r1, written 2025-03-10T12:00:00.000Z');
    expect(manifest).toContain('  steps/build_a.log (17 bytes)');
    expect(manifest).toContain('left out (binary, cannot be redacted):\n  kind-logs/core.bin');
    expect(manifest).toContain('  evidence/ (triage evidence)');
  });
});
