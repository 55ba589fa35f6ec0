// Nesting limits for tarmac.yaml: the deepest real config nests a handful of levels, so anything far deeper is
// refused with a located message before the rest of loading (which recurses) ever sees it.
import { isAlias, isMap, isPair, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/** A located nesting problem, shaped like yaml-source's SyntaxProblem. */
export interface NestingProblem {
  line: number;
  col: number;
  message: string;
  hint: string;
}

/** The deepest nesting of mappings and lists a config may have. */
export const MAX_NESTING = 64;

const DEPTH_HINT = `tarmac.yaml nests a few levels deep; flatten this value (at most ${MAX_NESTING} levels).`;

/** A located problem when the document nests deeper than MAX_NESTING; walked without recursion. */
export function nestingProblem(doc: Document, lines: LineCounter): NestingProblem | undefined {
  const pending: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop() as { node: unknown; depth: number };
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING) {
      const { line, col } = lines.linePos((node as Node).range?.[0] ?? 0);
      return { line, col, message: `The YAML nests deeper than ${MAX_NESTING} levels here`, hint: DEPTH_HINT };
    }
    for (const item of node.items as unknown[]) {
      const value = isPair(item) ? item.value : item;
      if (!isAlias(value)) pending.push({ node: value, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The yaml parser's own stack overflow on extreme nesting, said in tarmac's words. */
export function nestingSyntaxMessage(message: string): { message: string; hint: string } | undefined {
  if (!/Maximum call stack size exceeded/.test(message)) return undefined;
  return { message: `The YAML nests too deeply to read (more than ${MAX_NESTING} levels)`, hint: DEPTH_HINT };
}
