// Triage must read facts, never tarmac's own prose: a rule that matches a message tarmac wrote breaks silently when
// the message is reworded. This test collects every regex of the rules (and of the triage code that feeds them) and
// every piece of text tarmac's own code writes (string and template literals outside src/triage/rules), and fails
// when a regex contains a phrase of that text. Matching the output of podman, kind or kubectl is expected and fine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../', import.meta.url).pathname;

/** The code whose regexes decide verdicts: rules, and what reads the journal or the target for them. */
const READERS = [
  ...readdirSync(join(SRC, 'triage/rules'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `triage/rules/${f}`),
  'triage/target-type.ts',
  'triage/run-facts.ts',
  'triage/status-rows.ts',
  'triage/diagnose.ts',
];

/**
 * Phrases that tarmac writes and that are also the external tool's own words (tarmac quotes them in a hint or
 * recognises them elsewhere); a rule matching them matches the tool's output, not tarmac's prose.
 */
const TOOL_WORDS = new Set<string>([
  'connection refused', // the OS's ECONNREFUSED text in podman's, curl's and kubectl's errors
  'permission denied', // the OS's EACCES text (a privileged port)
  'layer not known', // podman's storage error
  'does not exist', // podman's `image ... does not exist`
  'is already used', // podman's network error: `subnet ... is already used`
  'already used',
  'probe failed', // Kubernetes' event text: `Readiness probe failed: ...`
  // The kubelet's event format `<Readiness|Startup> probe failed: <output>`, whose output the readiness rule quotes;
  // the podman target writes its probe events in that format on purpose (src/targets/podman/probe-actions.ts).
  'probe failed:',
  // The kubelet's BackOff event text, which the podman target's pod view writes in that format on purpose.
  'Back-off restarting failed container',
  'not running', // podman's and docker's `container ... is not running`, `machine ... not running`
  'is not running', // docker's `Error response from daemon: Container ID is not running`
  // Go's network errors as kubelet's probes report them; the podman target's probes say the same on purpose.
  'i/o timeout',
  'context deadline exceeded',
  'Client.Timeout exceeded',
]);

/** Every .ts file under src that is not a test or a test kit. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !/\.test\.ts$|test-kit|test-helper|test-fixture/.test(e.name) ? [path] : [];
  });
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The static text of tarmac's messages: string literals and the fixed parts of template literals. */
function tarmacText(): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  for (const path of sourceFiles(SRC)) {
    const rel = relative(SRC, path);
    if (rel.startsWith('triage/rules/') || rel.startsWith('triage/render-')) continue;
    walk(parse(path), (n) => {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
      if (
        ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n)
      )
        out.push({ text: n.text, where: rel });
    });
  }
  return out;
}

/** The regex literals of the reader files. */
function readerRegexes(): { source: string; flags: string; where: string }[] {
  return READERS.flatMap((rel) => {
    const found: { source: string; flags: string; where: string }[] = [];
    const file = parse(join(SRC, rel));
    walk(file, (n) => {
      if (n.kind !== ts.SyntaxKind.RegularExpressionLiteral) return;
      const literal = (n as ts.RegularExpressionLiteral).text;
      const end = literal.lastIndexOf('/');
      const line = file.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      found.push({ source: literal.slice(1, end), flags: literal.slice(end + 1), where: `${rel}:${line}` });
    });
    return found;
  });
}

/** The runs of literal text in a regex source: what a match must contain verbatim (escapes resolved). */
export function literalRuns(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  const cut = (): void => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (/[A-Za-z0-9]/.test(next))
        cut(); // \s \d \b \S \1 ...: a class or an assertion
      else run += next;
    } else if (c === '[') {
      cut();
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if ('?*+{'.includes(c)) {
      run = run.slice(0, -1); // the quantified character may be absent
      cut();
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
    } else if ('()|^$.'.includes(c)) {
      cut();
      if (c === '(' && source[i + 1] === '?') i += source[i + 2] === '<' ? 3 : 2;
    } else run += c;
  }
  cut();
  return runs;
}

/**
 * The phrases worth comparing: at least two words and ten characters, so single words (`Error`, `kind`) pass; and
 * a label a regex is anchored on (`^target: `), the shape of tarmac's `label: detail` decision messages.
 */
function phrases(source: string): string[] {
  const raw = literalRuns(source);
  const runs = raw.map((r) => r.trim());
  // `label: ` with its space: a step id prefix (`^build:`) is an id, not a message.
  const label = source.startsWith('^') && /^\w[\w ]{3,}: $/.test(raw[0] ?? '') ? [runs[0]!] : [];
  return [...label, ...runs.filter((r) => r.length >= 10 && /\S\s+\S/.test(r))];
}

describe('triage reads facts, never tarmac’s own prose', () => {
  it('finds the phrases a regex needs verbatim', () => {
    expect(literalRuns('^target: (kind|podman)\\b')).toEqual(['target: ', 'kind', 'podman']);
    expect(literalRuns('engine probe(: FAILED,| failed:) no answer within')).toEqual([
      'engine probe',
      ': FAILED,',
      ' failed:',
      ' no answer within',
    ]);
    expect(literalRuns('read\\/write on closed pipes?|exit [1-9]')).toEqual(['read/write on closed pipe', 'exit ']);
  });

  it('would catch the old target-type.ts and engine-hung.ts (a real check, not a vacuous one)', () => {
    const text = tarmacText().map((t) => t.text.toLowerCase());
    const hits = (source: string): string[] =>
      phrases(source).filter((p) => text.some((t) => t.includes(p.toLowerCase())));
    // The old target-type.ts and engine-hung.ts regexes, over `decision` messages and step errors.
    expect(hits('^target: (kind|podman)\\b')).toEqual(['target:']);
    expect(hits('engine probe(: FAILED,| failed:) no answer within')).toEqual(['engine probe', 'no answer within']);
  });

  it('no rule regex contains a phrase tarmac itself writes', () => {
    const text = tarmacText();
    const offences: string[] = [];
    for (const re of readerRegexes()) {
      for (const phrase of phrases(re.source)) {
        if (TOOL_WORDS.has(phrase)) continue;
        const fold = (s: string): string => (re.flags.includes('i') ? s.toLowerCase() : s);
        const hit = text.find((t) => fold(t.text).includes(fold(phrase)));
        if (hit) offences.push(`${re.where}: /${re.source}/ needs "${phrase}", which ${hit.where} writes`);
      }
    }
    expect(offences).toEqual([]);
  });
});
