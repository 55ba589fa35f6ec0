import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { abnormalLines, readKindLogLines } from './kind-log-lines.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readKindLogLines', () => {
  it("reads each node's kubelet, containerd and journal logs: abnormal lines only, each once per node", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kind-logs-'));
    dirs.push(dir);
    const node = join(dir, 'shop-control-plane');
    mkdirSync(node);
    const fatal =
      'Feb 23 08:39:04 shop-control-plane kubelet[3031]: F0223 08:39:04.644296 3031 server.go:274] failed to run Kubelet: mountpoint for  not found';
    writeFileSync(
      join(node, 'kubelet.log'),
      `Feb 23 08:39:03 shop-control-plane kubelet[3031]: I0223 Starting\n${fatal}\n`,
    );
    writeFileSync(
      join(node, 'journal.log'),
      `${fatal}\nFeb 23 08:39:04 shop-control-plane systemd[1]: kubelet.service: Failed with result 'exit-code'.\n`,
    );
    writeFileSync(join(dir, 'kind-version.txt'), 'kind v0.27.0\n');
    expect(readKindLogLines(dir)).toEqual([
      {
        file: 'shop-control-plane/kubelet.log',
        text: 'F0223 08:39:04.644296 3031 server.go:274] failed to run Kubelet: mountpoint for  not found',
      },
      { file: 'shop-control-plane/journal.log', text: "kubelet.service: Failed with result 'exit-code'." },
    ]);
  });

  it('gives nothing for a dir kind did not write', () => {
    expect(readKindLogLines(join(tmpdir(), 'no-such-kind-logs-dir'))).toEqual([]);
  });
});

describe('abnormalLines', () => {
  it('keeps the last few, a repeated line once at its last place, with secrets masked', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `E0101 sync loop error ${i % 10}`);
    lines.push('E0101 pull failed: Authorization: Bearer abcdef0123456789abcdef0123456789');
    const kept = abnormalLines(lines.join('\n'));
    expect(kept).toHaveLength(8);
    expect(kept.slice(0, 2)).toEqual(['E0101 sync loop error 3', 'E0101 sync loop error 4']);
    expect(kept.at(-1)).not.toContain('abcdef0123456789');
  });

  it("keeps systemd's `Freezing execution.` (PID 1 giving up), not its ordinary progress", () => {
    const text = [
      'Jan 10 10:00:00 kind-control-plane systemd[1]: Reached target Basic System.',
      'Jan 10 10:00:00 kind-control-plane systemd[1]: Freezing execution.',
    ].join('\n');
    expect(abnormalLines(text)).toEqual(['Freezing execution.']);
  });
});
