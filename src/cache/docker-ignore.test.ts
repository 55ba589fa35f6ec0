import { describe, expect, it } from 'vitest';
import dockerignore from '@balena/dockerignore';
import { ContextIgnore, parseIgnoreFile } from './docker-ignore.js';

const rulesOf = (text: string) => new ContextIgnore(parseIgnoreFile(text));
const reincludes = (text: string, dir: string) => {
  const ig = rulesOf(text);
  return ig.mayReincludeUnder(dir, ig.verdictOf(dir));
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
    expect(ig.excludes('a.log')).toBe(true);
    expect(ig.excludes('sub/a.log')).toBe(false);
    expect(ig.excludes('node_modules')).toBe(true);
    expect(ig.excludes('node_modules/x/index.js')).toBe(true);
    expect(ig.excludes('pkg/node_modules')).toBe(false);
  });

  it('matches any depth with ** and treats a leading / like none', () => {
    const ig = rulesOf('**/*.log\n/dist');
    expect(ig.excludes('a.log')).toBe(true);
    expect(ig.excludes('x/y/a.log')).toBe(true);
    expect(ig.excludes('dist/app.js')).toBe(true);
    expect(ig.excludes('src/dist')).toBe(false);
  });

  it('lets a later ! rule re-include a file below an excluded directory (gitignore would not)', () => {
    const ig = rulesOf('vendor\n!vendor/keep/**\n');
    expect(ig.excludes('vendor/other.txt')).toBe(true);
    expect(ig.excludes('vendor/keep')).toBe(true);
    expect(ig.excludes('vendor/keep/a.txt')).toBe(false);
  });

  it('lets a later ! rule on a directory override an earlier rule matching files inside it', () => {
    const ig = rulesOf('**/*.txt\n!dir\n');
    expect(ig.excludes('dir/a.txt')).toBe(false);
    expect(ig.excludes('other/a.txt')).toBe(true);
    expect(rulesOf('!dir\n**/*.txt\n').excludes('dir/a.txt')).toBe(true);
  });

  it('lets the last matching rule win', () => {
    const ig = rulesOf('*.md\n!README.md\nREADME.md');
    expect(ig.excludes('README.md')).toBe(true);
    expect(rulesOf('*.md\n!README.md').excludes('README.md')).toBe(false);
  });

  it('is case-sensitive and a trailing slash does not restrict to directories', () => {
    const ig = rulesOf('Secret\ncache/');
    expect(ig.excludes('secret')).toBe(false);
    expect(ig.excludes('Secret')).toBe(true);
    expect(ig.excludes('cache')).toBe(true);
  });
});

describe('ContextIgnore.excludes where gitignore differs from Go patterns (the old matcher got these wrong)', () => {
  it('negates a class with ^ only: [!x] matches ! or x', () => {
    const ig = rulesOf('[!x]');
    expect(['x', '!', 'a'].map((p) => ig.excludes(p))).toEqual([true, true, false]);
  });

  it('reads ** inside a segment as any number of directories, not as *', () => {
    const ig = rulesOf('a**b');
    expect(['ab', 'a/b', 'a/x/b', 'axb'].map((p) => ig.excludes(p))).toEqual([true, true, true, false]);
  });

  it('drops a rule Docker refuses (an unclosed [), so it excludes nothing', () => {
    expect(rulesOf('[\n*.md').excludes('[')).toBe(false);
    expect(rulesOf('[\n*.md').excludes('a.md')).toBe(true);
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

describe('ContextIgnore against one @balena/dockerignore matcher holding every rule', () => {
  // Deterministic generated cases: rule files and paths from a small alphabet, so rules often overlap.
  let seed = 12;
  // MINSTD, a linear congruential generator exact in doubles; its high bits pick (low bits repeat too soon).
  const random = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647), Math.floor((seed / 2_147_483_647) * n));
  const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
  const names = ['a', 'b', 'ab', 'x.md', 'keep'];
  const segments = ['a', 'b', '*', 'a*', '**', '?b', 'x.md', '*.md', 'keep', '[ab]'];
  const pathsOf = (depth: number, prefix = ''): string[] =>
    depth === 0 ? [] : names.flatMap((n) => [`${prefix}${n}`, ...pathsOf(depth - 1, `${prefix}${n}/`)]);
  const paths = pathsOf(3);
  const cases = Array.from({ length: 300 }, () =>
    Array.from(
      { length: 1 + random(4) },
      () => `${random(3) === 0 ? '!' : ''}${Array.from({ length: 1 + random(3) }, () => pick(segments)).join('/')}`,
    ).join('\n'),
  );

  it('gives every path the verdict the whole matcher gives', () => {
    const disagreements = cases.flatMap((text) => {
      const whole = dockerignore.default({ ignorecase: false }).add(text);
      const ig = rulesOf(text);
      return paths.filter((p) => ig.excludes(p) !== whole.ignores(p)).map((p) => `${JSON.stringify(text)}: ${p}`);
    });
    expect(disagreements).toEqual([]);
  });

  it('reads below an excluded directory whenever the whole matcher keeps something there', () => {
    const missed = cases.flatMap((text) => {
      const whole = dockerignore.default({ ignorecase: false }).add(text);
      const ig = rulesOf(text);
      return paths
        .filter((dir) => whole.ignores(dir) && paths.some((p) => p.startsWith(`${dir}/`) && !whole.ignores(p)))
        .filter((dir) => !ig.mayReincludeUnder(dir, ig.verdictOf(dir)))
        .map((dir) => `${JSON.stringify(text)}: ${dir}`);
    });
    expect(missed).toEqual([]);
  });
});
