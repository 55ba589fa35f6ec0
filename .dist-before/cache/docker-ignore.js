import path from "node:path";
import dockerignore, {} from "@balena/dockerignore";
function parseIgnoreFile(text) {
  const rules = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.startsWith("#")) continue;
    let pattern = line.trim();
    const negative = pattern.startsWith("!");
    if (negative) pattern = pattern.slice(1).trim();
    if (pattern === "") continue;
    pattern = path.posix.normalize(pattern).replace(/(.)\/+$/, "$1");
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    if (pattern === "." || pattern === "/" || pattern === ".." || pattern.startsWith("../")) continue;
    rules.push({ pattern, negative });
  }
  return rules;
}
const ROOT_VERDICT = { excluded: false, last: -1 };
class ContextIgnore {
  rules;
  constructor(rules) {
    this.rules = rules.map((rule, index) => ({
      index,
      rule,
      segments: rule.pattern.split("/"),
      matcher: matcherOf(rule.pattern),
      queries: 0
    }));
  }
  /**
   * Returns the verdict function for the children of directory `dirRel` ('' is the root), whose
   * own verdict is `dir`. Walking top-down this way, each path is tested only against the rules
   * that can still change its verdict: those after `dir.last` (the last match wins) whose shape
   * fits a path one level below `dirRel`. That keeps a walk of many files cheap.
   */
  childrenOf(dirRel, dir) {
    const dirSegs = dirRel === "" ? [] : dirRel.split("/");
    const candidates = this.rules.filter((r) => r.index > dir.last && fitsChild(restBelow(r.segments, dirSegs))).reverse();
    if (candidates.length === 0) return () => dir;
    const prefix = dirRel === "" ? "" : `${dirRel}/`;
    return (name) => {
      const probe = `${prefix}${name}`;
      for (const candidate of candidates) {
        if (matches(candidate, probe)) return { excluded: !candidate.rule.negative, last: candidate.index };
      }
      return dir;
    };
  }
  /** The verdict of `rel` (POSIX, relative to the context root), found from the root down. */
  verdictOf(rel) {
    const names = rel.split("/");
    let verdict = ROOT_VERDICT;
    names.forEach((name, i) => {
      verdict = this.childrenOf(names.slice(0, i).join("/"), verdict)(name);
    });
    return verdict;
  }
  /** Whether `rel` (POSIX, relative to the context root) is excluded. */
  excludes(rel) {
    return this.verdictOf(rel).excluded;
  }
  /**
   * Whether some `!` rule could re-include a path strictly below the excluded directory `relDir`
   * (verdict `dir`), so the walk must still read it. Conservative: says yes when unsure.
   */
  mayReincludeUnder(relDir, dir) {
    const dirSegs = relDir.split("/");
    return this.rules.some(
      (r) => r.rule.negative && r.index > dir.last && (restBelow(r.segments, dirSegs)?.length ?? 0) > 0
    );
  }
}
function restBelow(patSegs, dirSegs) {
  for (let i = 0; i < dirSegs.length; i += 1) {
    const seg = patSegs[i];
    if (seg === void 0) return void 0;
    if (seg.includes("**")) return ["**"];
    if (!segmentMayMatch(seg, dirSegs[i])) return void 0;
  }
  return patSegs.slice(dirSegs.length);
}
function fitsChild(rest) {
  return rest !== void 0 && (rest.length === 1 || rest.some((seg) => seg.includes("**")));
}
function segmentMayMatch(seg, name) {
  if (/[[\\]/.test(seg)) return true;
  if (!/[*?]/.test(seg)) return seg === name;
  const source = seg.replace(/[.+^${}()|]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${source}$`).test(name);
}
function matches(rule, probe) {
  if ((rule.queries += 1) > 5e4) {
    rule.matcher = matcherOf(rule.rule.pattern);
    rule.queries = 0;
  }
  return rule.matcher?.ignores(probe) ?? false;
}
function matcherOf(pattern) {
  const matcher = dockerignore.default({ ignorecase: false }).add(pattern);
  try {
    matcher.ignores(pattern);
    return matcher;
  } catch {
    return void 0;
  }
}
export {
  ContextIgnore,
  ROOT_VERDICT,
  parseIgnoreFile
};
//# sourceMappingURL=docker-ignore.js.map
