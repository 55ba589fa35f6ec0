import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuild, liveBuildStarts } from './live-builds.js';

const proc = mkdtempSync(join(tmpdir(), 'tarmac-proc-'));
afterAll(() => rmSync(proc, { recursive: true, force: true }));

function processEntry(pid: number, argv: string[], startTicks: number): void {
  mkdirSync(join(proc, String(pid)));
  writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
  // Field 22 (start time) is the 20th after the command name's closing parenthesis.
  const after = ['S', ...Array.from({ length: 18 }, () => '0'), String(startTicks), '0'];
  writeFileSync(join(proc, String(pid), 'stat'), `${pid} (x (y)) ${after.join(' ')}`);
}

describe('liveBuildStarts', () => {
  it('finds podman and buildah builds with their start times from boot time and ticks', () => {
    writeFileSync(join(proc, 'stat'), 'cpu  1 2 3\nbtime 1700000000\nprocesses 5\n');
    processEntry(10, ['/usr/bin/podman', '--log-level', 'warn', 'build', '-t', 'x', '.'], 250);
    processEntry(11, ['buildah', 'bud', '.'], 1000);
    processEntry(12, ['/usr/bin/podman', 'ps', '-a'], 300);
    processEntry(13, ['node', 'build.js'], 400);
    expect(liveBuildStarts(proc).sort()).toEqual([1_700_000_000_000 + 2_500, 1_700_000_000_000 + 10_000]);
  });

  it('is empty where there is no /proc', () => {
    expect(liveBuildStarts(join(proc, 'missing'))).toEqual([]);
  });

  it('recognises build argv only', () => {
    expect(isBuild(['podman', 'build', '.'])).toBe(true);
    expect(isBuild(['podman', 'image', 'build', '.'])).toBe(true);
    expect(isBuild(['podman', 'images'])).toBe(false);
  });
});
