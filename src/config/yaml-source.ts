// The YAML side of config loading: parse with positions, report syntax errors, and map a
// document path back to a line and column.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import type { PathKey } from './path-text.js';
import { nestingProblem, nestingSyntaxMessage } from './yaml-depth.js';

/** A parsed YAML file with enough kept to locate any path in it. */
export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

/** A syntax error with its position, before any schema validation. */
export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
  hint: string;
}

const SYNTAX_HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the lines just above for an unclosed `{` or `[`, or a wrong indentation.',
  DUPLICATE_KEY: 'Each key may appear once per mapping; remove or merge the duplicate.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs.',
  MISSING_CHAR: 'Look for an unclosed quote or bracket, or a key without a `:`.',
  MULTIPLE_DOCS: 'tarmac.yaml holds a single document; remove the extra `---`.',
  BLOCK_AS_IMPLICIT_KEY: 'Check the indentation: a nested value must be indented under its key.',
};

/** Parses YAML text, returning either the source or every syntax error found. */
export function parseYaml(text: string): { source: YamlSource; errors: SyntaxProblem[] } {
  const lines = new LineCounter();
  // prettyErrors off: we print our own position, the built-in one repeats the source line.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors = doc.errors.map((err: YAMLError) => {
    const { line, col } = lines.linePos(err.pos[0]);
    const deep = nestingSyntaxMessage(err.message);
    if (deep !== undefined) return { line, col, ...deep };
    const hint = SYNTAX_HINTS[err.code] ?? 'Check the YAML syntax on and just before this line.';
    return { line, col, message: `YAML syntax error: ${err.message}`, hint };
  });
  const source = { doc, lines };
  const deep = errors.length === 0 ? nestingProblem(doc, lines) : undefined;
  return { source, errors: deep === undefined ? errors : [deep] };
}

/**
 * Line and column of the node at `path`. `atKey` points at the key itself (unknown keys).
 * A path that does not exist (a missing key) points at the nearest existing ancestor's key.
 */
export function locate(source: YamlSource, path: readonly PathKey[], atKey = false): { line: number; col: number } {
  const { doc } = source;
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let found = true;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) {
        found = false;
        break;
      }
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      key = undefined;
      node = node.items[step];
    } else {
      found = false;
      break;
    }
  }
  const target = (found && !atKey && !isEmpty(node) ? node : (key ?? node)) as Node | null | undefined;
  return position(source, target?.range?.[0] ?? 0);
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && node.source === '');
}

function position(source: YamlSource, offset: number): { line: number; col: number } {
  return source.lines.linePos(offset);
}
