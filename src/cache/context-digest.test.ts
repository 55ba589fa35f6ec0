import { createHash } from 'node:crypto';
import { chmod, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestContext } from './context-digest.js';
import { makeTree, type TreeNode } from './make-tree.test-kit.js';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'tarmac-hash-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const tree: Record<string, TreeNode> = {
  '.dockerignore': 'tmp\n*.log\n',
  'src/main.go': 'package main\n',
  'bin/run': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
  'tmp/scratch': 'ignored',
  'debug.log': 'ignored',
};

async function context(name: string, files: Record<string, TreeNode> = tree): Promise<string> {
  const dir = path.join(base, name);
  await makeTree(dir, files);
  return dir;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('digestContext', () => {
  it('hashes the sorted manifest of path, mode and content hash', async () => {
    const dir = await context('c', {
      'b.txt': 'bee',
      'a/x.sh': { content: 'x', mode: 0o700 },
      l: { symlink: '../far' },
    });
    const line = (p: string, mode: string, content: string) => `${[p, mode, sha(content)].join('\x00')}\n`;
    const manifest =
      line('a', '040000', '') +
      line('a/x.sh', '100755', 'x') +
      line('b.txt', '100644', 'bee') +
      line('l', '120000', '../far');
    expect(digestContext(dir)).toEqual({ digest: sha(manifest), files: 3, bytes: 4 });
  });

  it('gives the same digest for the same content in folders of different names and places', async () => {
    const one = digestContext(await context('project-one'));
    const two = digestContext(await context('elsewhere/renamed'));
    expect(two.digest).toBe(one.digest);
    expect(one.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with content, a new file, the executable bit, a rename or a symlink target', async () => {
    const dir = await context('c', { ...tree, link: { symlink: 'src/main.go' } });
    const seen = new Set([digestContext(dir).digest]);
    const expectNew = () => {
      const { digest } = digestContext(dir);
      expect(seen.has(digest)).toBe(false);
      seen.add(digest);
    };
    await writeFile(path.join(dir, 'src/main.go'), 'package main // changed\n');
    expectNew();
    await writeFile(path.join(dir, 'src/extra.go'), '');
    expectNew();
    await chmod(path.join(dir, 'src/extra.go'), 0o755);
    expectNew();
    await rm(path.join(dir, 'src/extra.go'));
    await writeFile(path.join(dir, 'src/renamed.go'), '');
    expectNew();
    await unlink(path.join(dir, 'link'));
    await symlink('bin/run', path.join(dir, 'link'));
    expectNew();
  });

  it('ignores excluded files, but not a change to the ignore file itself', async () => {
    const dir = await context('c');
    const before = digestContext(dir);
    await writeFile(path.join(dir, 'tmp/scratch'), 'changed');
    await writeFile(path.join(dir, 'other.log'), 'new');
    expect(digestContext(dir).digest).toBe(before.digest);
    await writeFile(path.join(dir, '.dockerignore'), 'tmp\n*.log\n# edited\n');
    expect(digestContext(dir).digest).not.toBe(before.digest);
  });

  it('reads a file larger than one chunk completely', async () => {
    const big = 'x'.repeat(1_300_000);
    const dir = await context('c', { 'big.bin': big });
    const other = await context('d', { 'big.bin': `${big.slice(0, -1)}y` });
    const [a, b] = [digestContext(dir), digestContext(other)];
    expect(a.bytes).toBe(1_300_000);
    expect(a.digest).not.toBe(b.digest);
  });
});
