// .containerignore/.dockerignore rules with Docker's semantics, matched with the `ignore` package.
//
// `ignore` implements gitignore, and Docker's rules (moby/patternmatcher, which buildah's
// containers/storage fileutils copies) differ from gitignore where it matters here:
//  1. Anchoring: Docker matches every pattern against the whole path from the context root, so
//     `*.log` excludes `a.log` but not `sub/a.log`; in gitignore a slash-less pattern matches at
//     any depth. We prefix `/` (gitignore's anchor) unless the pattern starts with `**`.
//  2. Re-inclusion: Docker lets `!dir/keep` re-include a file under an excluded `dir`, and a
//     later `!dir` overrides an earlier `**/*.txt` for `dir/a.txt`; gitignore allows neither
//     (nothing under an excluded directory comes back). So we do not hand the rule list to one
//     `ignore` instance: each pattern gets its own, used only as "does this pattern match the
//     path", and the last pattern matching the path or one of its ancestors wins, exactly
//     Docker's MatchesOrParentMatches. The walk carries that verdict down (`childrenOf`).
//  3. Cleaning: Docker trims each line, drops a leading `/` and cleans the path (`./a` -> `a`,
//     `a/` -> `a`, so a trailing slash does not restrict a pattern to directories).
//  4. Case: Docker is case-sensitive on Linux; `ignore` folds case by default, so we turn it off.
// Known, accepted differences: `[!x]` vs Go's `[^x]` classes and a `**` inside a segment (`a**b`).
// Whenever we are unsure we err towards including a file: a key over too many files only costs a
// rebuild, one over too few could reuse a stale image.
import path from 'node:path';
import ignore from 'ignore';

type Matcher = ReturnType<typeof ignore>;

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
  matcher: Matcher;
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
      matcher: newMatcher(rule.pattern),
      queries: 0,
    }));
  }

  /**
   * Returns the verdict function for the children of directory `dirRel` ('' is the root), whose
   * own verdict is `dir`. Walking top-down this way, each path is tested only against the rules
   * that can still change its verdict: those after `dir.last` (the last match wins) whose shape
   * fits a path one level below `dirRel`. That keeps a walk of many files cheap.
   */
  childrenOf(dirRel: string, dir: Verdict): (name: string, isDir: boolean) => Verdict {
    const dirSegs = dirRel === '' ? [] : dirRel.split('/');
    const candidates = this.rules
      .filter((r) => r.index > dir.last && fitsChild(restBelow(r.segments, dirSegs)))
      .reverse();
    if (candidates.length === 0) return () => dir;
    const prefix = dirRel === '' ? '' : `${dirRel}/`;
    return (name, isDir) => {
      const probe = isDir ? `${prefix}${name}/` : `${prefix}${name}`;
      for (const candidate of candidates) {
        // No ancestor matches a candidate (it comes after dir.last), so `ignore`'s "path or a
        // parent" test is a test of the path itself here.
        if (matches(candidate, probe)) return { excluded: !candidate.rule.negative, last: candidate.index };
      }
      return dir;
    };
  }

  /** The verdict of `rel` (POSIX, relative to the context root), found from the root down. */
  verdictOf(rel: string, isDir: boolean): Verdict {
    const names = rel.split('/');
    let verdict = ROOT_VERDICT;
    names.forEach((name, i) => {
      verdict = this.childrenOf(names.slice(0, i).join('/'), verdict)(name, isDir || i < names.length - 1);
    });
    return verdict;
  }

  /** Whether `rel` (POSIX, relative to the context root) is excluded. */
  excludes(rel: string, isDir: boolean): boolean {
    return this.verdictOf(rel, isDir).excluded;
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
  // `ignore` caches every path it was asked about; renew the matcher now and then so a context
  // of a million files does not keep a million cache entries per rule.
  if ((rule.queries += 1) > 50_000) {
    rule.matcher = newMatcher(rule.rule.pattern);
    rule.queries = 0;
  }
  return rule.matcher.ignores(probe);
}

function newMatcher(pattern: string): Matcher {
  return ignore({ ignorecase: false }).add(pattern.startsWith('**') ? pattern : `/${pattern}`);
}
