import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { walkContext } from './context-walk.js';
import { makeTree } from './make-tree.test-kit.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tarmac-ctx-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const paths = (dir = root) => walkContext(dir).map((e) => e.path);

describe('walkContext', () => {
  it('lists files, directories and symlinks sorted, with type, mode and link text', async () => {
    await makeTree(root, {
      'b.txt': 'b',
      'run.sh': { content: '#!/bin/sh', mode: 0o755 },
      'a/z.txt': 'z',
      empty: { dir: true },
      out: { symlink: '/etc/passwd' },
    });
    expect(walkContext(root)).toEqual([
      { path: 'a', type: 'dir', mode: '040000', executable: false, size: 0 },
      { path: 'a/z.txt', type: 'file', mode: '100644', executable: false, size: 1 },
      { path: 'b.txt', type: 'file', mode: '100644', executable: false, size: 1 },
      { path: 'empty', type: 'dir', mode: '040000', executable: false, size: 0 },
      { path: 'out', type: 'symlink', mode: '120000', executable: false, size: 0, linkTarget: '/etc/passwd' },
      { path: 'run.sh', type: 'file', mode: '100755', executable: true, size: 9 },
    ]);
  });

  it('does not follow a symlinked directory', async () => {
    await makeTree(root, { 'real/f.txt': 'f', alias: { symlink: 'real' } });
    expect(paths()).toEqual(['alias', 'real', 'real/f.txt']);
  });

  it('honours .dockerignore and always lists the ignore file itself', async () => {
    await makeTree(root, {
      '.dockerignore': '.dockerignore\nnode_modules\n*.log\n',
      'node_modules/dep/index.js': 'x',
      'debug.log': 'x',
      'src/keep.log': 'x',
      'main.js': 'x',
    });
    expect(paths()).toEqual(['.dockerignore', 'main.js', 'src', 'src/keep.log']);
  });

  it('prefers .containerignore over .dockerignore, which is then an ordinary file', async () => {
    await makeTree(root, { '.containerignore': 'a.txt\n', '.dockerignore': 'b.txt\n', 'a.txt': 'a', 'b.txt': 'b' });
    expect(paths()).toEqual(['.containerignore', '.dockerignore', 'b.txt']);
  });

  it('re-includes with ! rules, also below an excluded directory', async () => {
    await makeTree(root, {
      '.containerignore': 'docs\n!docs/api/**\n*.md\n!README.md\n',
      'docs/guide.txt': 'g',
      'docs/api/index.txt': 'i',
      'README.md': 'r',
      'CHANGES.md': 'c',
    });
    expect(paths()).toEqual(['.containerignore', 'README.md', 'docs/api/index.txt']);
  });

  it('names a missing context with a usage error', () => {
    const missing = path.join(root, 'nope');
    expect(() => walkContext(missing)).toThrow(TarmacError);
    expect(() => walkContext(missing)).toThrow(expect.objectContaining({ code: 'CONTEXT_NOT_FOUND', exitCode: 2 }));
  });
});

describe('walkContext with unusual names', () => {
  it('lists names that look like patterns or need escaping, and matches rules against them literally', async () => {
    const names = ['a b.txt', 'ü.txt', '#x', '!x', 'x\\y', '[a]', '*', ' lead', '...'];
    await makeTree(root, { ...Object.fromEntries(names.map((n) => [`d/${n}`, n])), '.containerignore': 'd/\\*\n' });
    expect(paths()).toEqual([
      '.containerignore',
      'd',
      ...names
        .filter((n) => n !== '*')
        .map((n) => `d/${n}`)
        .sort(),
    ]);
  });
});
