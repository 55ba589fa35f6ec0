// XML text -> element tree for JUnit ingestion, through fast-xml-parser; anything that is not
// well-formed XML with one <testsuites> or <testsuite> root becomes JUNIT_MALFORMED with line:col.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { junitMalformed, type XmlPosition } from './errors.js';

/** An element as the parser returns it: attributes under `$`, text under `#text`, children by tag name (always arrays). */
export interface XmlElement {
  $?: Record<string, string>;
  '#text'?: string;
  [child: string]: XmlElement[] | Record<string, string> | string | undefined;
}

/** The tags that may repeat; the parser gives them as arrays even when there is one. */
const REPEATED = new Set([
  'testsuites',
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
  'system-out',
  'system-err',
]);
const ROOTS = ['testsuites', 'testsuite'];

/** Parses `xml` (named `file` in messages) and returns its JUnit root element and the root's tag. */
export function parseJUnitXml(xml: string, file: string): { tag: 'testsuites' | 'testsuite'; root: XmlElement } {
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw junitMalformed(file, { line: 1, col: 1 }, 'the file is empty', text);
  // The validator is deprecated upstream in favour of a separate package, but it is the part of
  // fast-xml-parser that reports line:col; the parser itself accepts broken documents silently.
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw junitMalformed(file, ...explainInvalid(text, verdict.err), text, verdict.err);
  let doc: Record<string, unknown>;
  try {
    doc = parser().parse(text) as Record<string, unknown>;
  } catch (error) {
    throw junitMalformed(
      file,
      { line: 1, col: 1 },
      `not valid XML: ${error instanceof Error ? error.message : String(error)}`,
      text,
      error,
    );
  }
  const elements = Object.keys(doc).filter((key) => !key.startsWith('?'));
  const rootTag = elements[0];
  const roots = rootTag === undefined ? [] : asElements(doc[rootTag]);
  if (rootTag === undefined || roots.length === 0)
    throw junitMalformed(file, { line: 1, col: 1 }, 'no root element', text);
  if (elements.length > 1 || roots.length > 1) {
    const second = elements[1] ?? rootTag;
    throw junitMalformed(
      file,
      tagPosition(text, second, elements.length > 1 ? 0 : 1),
      'more than one root element',
      text,
    );
  }
  if (!ROOTS.includes(rootTag)) {
    throw junitMalformed(
      file,
      tagPosition(text, rootTag, 0),
      `not JUnit XML: the root element is <${rootTag}>, expected <testsuites> or <testsuite>`,
      text,
    );
  }
  return { tag: rootTag as 'testsuites' | 'testsuite', root: roots[0] as XmlElement };
}

/** The child elements named `tag` of `element`. */
export function children(element: XmlElement, tag: string): XmlElement[] {
  return asElements(element[tag]);
}

/** An attribute of `element`, or undefined. */
export function attr(element: XmlElement, name: string): string | undefined {
  return element.$?.[name];
}

/** The text content of `element` ("" when none). */
export function textOf(element: XmlElement): string {
  return element['#text'] ?? '';
}

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: '$',
    attributeNamePrefix: '',
    textNodeName: '#text',
    // Keep every value a string: a test named "1.10" must not become the number 1.1.
    parseTagValue: false,
    parseAttributeValue: false,
    alwaysCreateTextNode: true,
    // Why: without it numeric character references (&#10; in pytest's messages) stay undecoded.
    htmlEntities: true,
    isArray: (tag) => REPEATED.has(tag),
  });
}

function asElements(value: unknown): XmlElement[] {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v !== null ? (v as XmlElement) : { '#text': String(v) }));
  if (value === undefined) return [];
  return [typeof value === 'object' && value !== null ? (value as XmlElement) : { '#text': String(value) }];
}

/** The validator's complaint as [position, reason]; a truncated file is explained as such, at its end. */
function explainInvalid(
  text: string,
  err: { code: string; msg: string; line: number; col?: number },
): [XmlPosition, string] {
  // The validator reports unclosed tags as "Invalid '[\"a\",\"b\"]' found." at 1:1; say what it means.
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (err.code === 'InvalidXml' && unclosed) {
    const open = (unclosed[1] ?? '')
      .split(',')
      .map((t) => t.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
    const last = open.at(-1) ?? 'root';
    return [
      endOf(text),
      `the document ends before <${last}> is closed (unclosed: ${open.map((t) => `<${t}>`).join(' ')}); was the test command stopped while writing it?`,
    ];
  }
  return [{ line: err.line, col: err.col ?? 1 }, `not well-formed XML: ${err.msg}`];
}

function endOf(text: string): XmlPosition {
  const lines = text.replace(/\s+$/, '').split(/\r\n|\r|\n/);
  return { line: lines.length, col: (lines.at(-1) ?? '').length + 1 };
}

/** Position of the (index+1)-th `<tag` in `text`, or 1:1. */
function tagPosition(text: string, tag: string, index: number): XmlPosition {
  const re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s/>]`, 'g');
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= index; i++) match = re.exec(text);
  if (!match) return { line: 1, col: 1 };
  const before = text.slice(0, match.index).split(/\r\n|\r|\n/);
  return { line: before.length, col: (before.at(-1) ?? '').length + 1 };
}
