// The synchronous walk of a build context (run inside the hash worker, see worker/run.ts).
import { lstatSync, readdirSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { dirEntry, statEntry, type ContextEntry } from './context-entry.js';
import { ContextIgnore, ROOT_VERDICT, type Verdict } from './docker-ignore.js';
import { contextReadError, isVanished } from './fs-errors.js';
import { readContextIgnore } from './ignore-file.js';

/**
 * Lists the build context at `dir` as Docker/Podman would send it, sorted by path.
 * Directories are listed too (Docker copies empty ones). An excluded directory is not read at
 * all unless a `!` rule could re-include something below it. The ignore file itself is always
 * listed, as Docker always sends it. Symlinks are listed with their text, never followed.
 */
export function walkContext(dir: string): ContextEntry[] {
  // Without a budget the walk never gives up.
  return walkContextWithin(dir, { entries: Infinity, bytes: Infinity }) ?? [];
}

/** How much a walk may meet before it gives up: entries (directories too) and bytes of file content. */
export interface ContextBudget {
  entries: number;
  bytes: number;
}

/** Like walkContext, but undefined as soon as the context holds more than `budget` (the walk stops there). */
export function walkContextWithin(dir: string, budget: ContextBudget): ContextEntry[] | undefined {
  // Resolved once; paths below it are joined by hand (path.join showed up in profiles).
  const root = path.resolve(dir);
  let bytes = 0;
  const { file: ignoreFile, rules } = readContextIgnore(root);
  const ig = new ContextIgnore(rules);
  const entries: ContextEntry[] = [];
  const pending: { rel: string; verdict: Verdict }[] = [{ rel: '', verdict: ROOT_VERDICT }];

  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const dirents = readDir(root, dir.rel);
    if (!dirents) continue;
    const verdictOf = ig.childrenOf(dir.rel, dir.verdict);
    for (const d of dirents) {
      const rel = dir.rel === '' ? d.name : `${dir.rel}/${d.name}`;
      let isDir = d.isDirectory();
      let st: Stats | undefined;
      // Unknown d_type (some file systems) or a special file: ask lstat what it is.
      if (!isDir && !d.isFile() && !d.isSymbolicLink()) {
        st = lstatOrUndefined(root, rel);
        if (!st) continue;
        isDir = st.isDirectory();
      }
      const verdict = verdictOf(d.name);
      const excluded = verdict.excluded && rel !== ignoreFile;
      if (isDir) {
        if (!excluded) entries.push(dirEntry(rel));
        if (!excluded || ig.mayReincludeUnder(rel, verdict)) pending.push({ rel, verdict });
        continue;
      }
      // Excluded files cost no system call at all: that is where big contexts win.
      if (excluded) continue;
      st ??= lstatOrUndefined(root, rel);
      if (!st) continue;
      if (st.isDirectory()) continue; // replaced by a directory since readdir: a race, like a deletion
      if (st.isSymbolicLink()) {
        const linkTarget = readLinkOrUndefined(root, rel);
        if (linkTarget !== undefined) entries.push({ ...statEntry(rel, st), linkTarget });
      } else {
        entries.push(statEntry(rel, st));
        if (st.isFile()) bytes += st.size;
      }
      if (entries.length > budget.entries || bytes > budget.bytes) return undefined;
    }
    if (entries.length > budget.entries) return undefined;
  }
  // Code-unit order, not locale order: the same on every machine.
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Things deleted while we walk (a build or an editor writing temp files) are simply not there.
function readDir(root: string, rel: string): Dirent[] | undefined {
  try {
    return readdirSync(rel === '' ? root : `${root}/${rel}`, { withFileTypes: true });
  } catch (err) {
    if (rel !== '' && isVanished(err)) return undefined;
    throw contextReadError(root, rel, err);
  }
}

function lstatOrUndefined(root: string, rel: string): Stats | undefined {
  try {
    return lstatSync(`${root}/${rel}`);
  } catch (err) {
    if (isVanished(err)) return undefined;
    throw contextReadError(root, rel, err);
  }
}

function readLinkOrUndefined(root: string, rel: string): string | undefined {
  try {
    return readlinkSync(`${root}/${rel}`);
  } catch (err) {
    if (isVanished(err)) return undefined;
    throw contextReadError(root, rel, err);
  }
}
