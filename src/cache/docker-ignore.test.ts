import { describe, expect, it } from 'vitest';
import { ContextIgnore, parseIgnoreFile } from './docker-ignore.js';

const rulesOf = (text: string) => new ContextIgnore(parseIgnoreFile(text));
const reincludes = (text: string, dir: string) => {
  const ig = rulesOf(text);
  return ig.mayReincludeUnder(dir, ig.verdictOf(dir, true));
};

describe('parseIgnoreFile', () => {
  it('drops comments and blanks, trims, cleans paths and keeps `!`', () => {
    const text = '\uFEFF# comment\n\n  /build/  \r\n!./keep.txt\n ./a//b/../c\n/\n.\n../up\n #hash\n';
    expect(parseIgnoreFile(text)).toEqual([
      { pattern: 'build', negative: false },
      { pattern: 'keep.txt', negative: true },
      { pattern: 'a/c', negative: false },
      { pattern: '#hash', negative: false },
    ]);
  });
});

describe('ContextIgnore.excludes (Docker semantics)', () => {
  it('anchors patterns at the context root, unlike gitignore', () => {
    const ig = rulesOf('*.log\nnode_modules');
    expect(ig.excludes('a.log', false)).toBe(true);
    expect(ig.excludes('sub/a.log', false)).toBe(false);
    expect(ig.excludes('node_modules', true)).toBe(true);
    expect(ig.excludes('node_modules/x/index.js', false)).toBe(true);
    expect(ig.excludes('pkg/node_modules', true)).toBe(false);
  });

  it('matches any depth with ** and treats a leading / like none', () => {
    const ig = rulesOf('**/*.log\n/dist');
    expect(ig.excludes('a.log', false)).toBe(true);
    expect(ig.excludes('x/y/a.log', false)).toBe(true);
    expect(ig.excludes('dist/app.js', false)).toBe(true);
    expect(ig.excludes('src/dist', true)).toBe(false);
  });

  it('lets a later ! rule re-include a file below an excluded directory (gitignore would not)', () => {
    const ig = rulesOf('vendor\n!vendor/keep/**\n');
    expect(ig.excludes('vendor/other.txt', false)).toBe(true);
    expect(ig.excludes('vendor/keep', true)).toBe(true);
    expect(ig.excludes('vendor/keep/a.txt', false)).toBe(false);
  });

  it('lets a later ! rule on a directory override an earlier rule matching files inside it', () => {
    const ig = rulesOf('**/*.txt\n!dir\n');
    expect(ig.excludes('dir/a.txt', false)).toBe(false);
    expect(ig.excludes('other/a.txt', false)).toBe(true);
    expect(rulesOf('!dir\n**/*.txt\n').excludes('dir/a.txt', false)).toBe(true);
  });

  it('lets the last matching rule win', () => {
    const ig = rulesOf('*.md\n!README.md\nREADME.md');
    expect(ig.excludes('README.md', false)).toBe(true);
    expect(rulesOf('*.md\n!README.md').excludes('README.md', false)).toBe(false);
  });

  it('is case-sensitive and a trailing slash does not restrict to directories', () => {
    const ig = rulesOf('Secret\ncache/');
    expect(ig.excludes('secret', false)).toBe(false);
    expect(ig.excludes('Secret', false)).toBe(true);
    expect(ig.excludes('cache', false)).toBe(true);
  });
});

describe('ContextIgnore.mayReincludeUnder', () => {
  it('says no without ! rules or when they cannot reach below the directory', () => {
    expect(reincludes('node_modules', 'node_modules')).toBe(false);
    expect(reincludes('node_modules\n!*.md', 'node_modules')).toBe(false);
    expect(reincludes('node_modules\n!other/x', 'node_modules')).toBe(false);
    expect(reincludes('a/b\n!a', 'a/b')).toBe(false);
  });

  it('says yes when a ! rule goes deeper or uses **', () => {
    expect(reincludes('vendor\n!vendor/keep', 'vendor')).toBe(true);
    expect(reincludes('vendor\n!v*/keep', 'vendor')).toBe(true);
    expect(reincludes('x\n!**/*.md', 'x/y/z')).toBe(true);
    expect(reincludes('x\n!x/[ab]/k', 'x/c')).toBe(true); // unsure -> yes
  });
});
