// .containerignore/.dockerignore rules with Docker's semantics, matched by `@balena/dockerignore` (a port of
// moby's fileutils, which buildah's containers/storage copies): patterns are anchored at the context root, `**`
// spans directories, a rule matching a directory matches everything below it, the last matching rule wins (so a
// `!` rule can re-include a file below an excluded directory), and matching is case-sensitive on Linux.
//
// The walk of a context must not read an excluded directory (node_modules) unless a `!` rule could bring something
// back from it, so rules are kept one by one here: `childrenOf` carries a directory's verdict down and tests a
// child only against the rules that can still change it; `mayReincludeUnder` says whether to read below an
// excluded directory. The test file checks these verdicts against one matcher holding every rule.
// Whenever we are unsure we err towards including a file: a key over too many files only costs a rebuild, one
// over too few could reuse a stale image.
import path from 'node:path';
import dockerignore, { type Ignore } from '@balena/dockerignore';

/** One cleaned ignore-file line; `pattern` is relative to the context root, without the `!`. */
export interface IgnoreRule {
  pattern: string;
  negative: boolean;
}

/** Parses ignore-file text the way Docker does (comments, trimming, `!`, path cleaning). */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    // Docker checks for `#` before trimming: ` #x` is a pattern, `#x` a comment.
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    const negative = pattern.startsWith('!');
    if (negative) pattern = pattern.slice(1).trim();
    if (pattern === '') continue;
    pattern = path.posix.normalize(pattern).replace(/(.)\/+$/, '$1');
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    // `.`, `/` and anything above the context can never match a path inside it.
    if (pattern === '.' || pattern === '/' || pattern === '..' || pattern.startsWith('../')) continue;
    rules.push({ pattern, negative });
  }
  return rules;
}

/** A path's standing: `last` is the index of the last rule matching it or an ancestor (-1: none). */
export interface Verdict {
  excluded: boolean;
  last: number;
}

/** The context root: no rule applies to it. */
export const ROOT_VERDICT: Verdict = { excluded: false, last: -1 };

interface CompiledRule {
  index: number;
  rule: IgnoreRule;
  segments: string[];
  matcher: Ignore | undefined;
  queries: number;
}

/** Decides which context paths Docker/Podman would leave out of the build context. */
export class ContextIgnore {
  private readonly rules: CompiledRule[];

  constructor(rules: IgnoreRule[]) {
    this.rules = rules.map((rule, index) => ({
      index,
      rule,
      segments: rule.pattern.split('/'),
      matcher: matcherOf(rule.pattern),
      queries: 0,
    }));
  }

  /**
   * Returns the verdict function for the children of directory `dirRel` ('' is the root), whose
   * own verdict is `dir`. Walking top-down this way, each path is tested only against the rules
   * that can still change its verdict: those after `dir.last` (the last match wins) whose shape
   * fits a path one level below `dirRel`. That keeps a walk of many files cheap.
   */
  childrenOf(dirRel: string, dir: Verdict): (name: string) => Verdict {
    const dirSegs = dirRel === '' ? [] : dirRel.split('/');
    const candidates = this.rules
      .filter((r) => r.index > dir.last && fitsChild(restBelow(r.segments, dirSegs)))
      .reverse();
    if (candidates.length === 0) return () => dir;
    const prefix = dirRel === '' ? '' : `${dirRel}/`;
    return (name) => {
      const probe = `${prefix}${name}`;
      for (const candidate of candidates) {
        // No ancestor matches a candidate (it comes after dir.last), so the matcher's "path or a
        // parent" test is a test of the path itself here.
        if (matches(candidate, probe)) return { excluded: !candidate.rule.negative, last: candidate.index };
      }
      return dir;
    };
  }

  /** The verdict of `rel` (POSIX, relative to the context root), found from the root down. */
  verdictOf(rel: string): Verdict {
    const names = rel.split('/');
    let verdict = ROOT_VERDICT;
    names.forEach((name, i) => {
      verdict = this.childrenOf(names.slice(0, i).join('/'), verdict)(name);
    });
    return verdict;
  }

  /** Whether `rel` (POSIX, relative to the context root) is excluded. */
  excludes(rel: string): boolean {
    return this.verdictOf(rel).excluded;
  }

  /**
   * Whether some `!` rule could re-include a path strictly below the excluded directory `relDir`
   * (verdict `dir`), so the walk must still read it. Conservative: says yes when unsure.
   */
  mayReincludeUnder(relDir: string, dir: Verdict): boolean {
    const dirSegs = relDir.split('/');
    return this.rules.some(
      (r) => r.rule.negative && r.index > dir.last && (restBelow(r.segments, dirSegs)?.length ?? 0) > 0,
    );
  }
}

// The pattern segments left for paths below `dirSegs`, or undefined when the pattern cannot
// match anything below it. A `**` can stand for any depth, so it answers ['**'].
function restBelow(patSegs: string[], dirSegs: string[]): string[] | undefined {
  for (let i = 0; i < dirSegs.length; i += 1) {
    const seg = patSegs[i];
    if (seg === undefined) return undefined;
    if (seg.includes('**')) return ['**'];
    if (!segmentMayMatch(seg, dirSegs[i]!)) return undefined;
  }
  return patSegs.slice(dirSegs.length);
}

function fitsChild(rest: string[] | undefined): boolean {
  return rest !== undefined && (rest.length === 1 || rest.some((seg) => seg.includes('**')));
}

function segmentMayMatch(seg: string, name: string): boolean {
  if (/[[\\]/.test(seg)) return true;
  if (!/[*?]/.test(seg)) return seg === name;
  const source = seg
    .replace(/[.+^${}()|]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(name);
}

function matches(rule: CompiledRule, probe: string): boolean {
  // The matcher caches every path it was asked about; renew it now and then so a context of a million files does
  // not keep a million cache entries per rule.
  if ((rule.queries += 1) > 50_000) {
    rule.matcher = matcherOf(rule.rule.pattern);
    rule.queries = 0;
  }
  return rule.matcher?.ignores(probe) ?? false;
}

// One rule's matcher (its `!` is applied by the caller). A pattern Go's filepath.Match rejects (an unclosed `[`)
// makes Docker and podman refuse the build; it matches nothing here, so the key never leaves a file out for it.
function matcherOf(pattern: string): Ignore | undefined {
  // The package is CommonJS with a TypeScript `export default`: under NodeNext its factory is `.default`.
  const matcher = dockerignore.default({ ignorecase: false }).add(pattern);
  try {
    matcher.ignores(pattern); // compiles the rule's regular expression now
    return matcher;
  } catch {
    return undefined;
  }
}
