// Parses one manifest text (multi-document YAML, or JSON) into located Kubernetes objects.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { asArray, asRecord, asString } from './json-access.js';
import type { KubeObject, SourcedObject } from './types.js';

/** Objects of `text`, read from `file` (as shown in messages); empty documents are skipped. Throws the first problem. */
export function parseManifests(text: string, file: string): SourcedObject[] {
  const { objects, problems } = scanManifests(text, file);
  if (problems[0]) throw problems[0];
  return objects;
}

/** Every readable object of `text` and every problem (MANIFEST_INVALID, located), document by document. */
export function scanManifests(text: string, file: string): { objects: SourcedObject[]; problems: TarmacError[] } {
  const lines = new LineCounter();
  // prettyErrors off: the message gets our own `file:line:col`, not a copy of the source line.
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const objects: SourcedObject[] = [];
  const problems: TarmacError[] = [];
  let index = 0;
  for (const doc of docs) {
    index += 1;
    try {
      objects.push(...documentObjects(doc, index, file, lines));
    } catch (error) {
      if (!(error instanceof TarmacError)) throw error;
      problems.push(error);
    }
  }
  return { objects, problems };
}

function documentObjects(doc: Document.Parsed, index: number, file: string, lines: LineCounter): SourcedObject[] {
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw invalid(
      `${file}:${line}:${col}: not valid YAML: ${error.message}`,
      'Fix the YAML syntax on or just before that line; `---` separates documents.',
    );
  }
  const start = doc.contents?.range[0] ?? doc.range[0];
  const line = lines.linePos(start).line;
  const where = `${file}:${line} (document ${index})`;
  const value = toValue(doc, where);
  if (value === null || value === undefined) return [];
  // `kind: List` is what `kubectl get -o yaml` prints for several objects; kubectl apply accepts it too.
  const items =
    asRecord(value)?.kind === 'List' && Array.isArray(asRecord(value)?.items)
      ? asArray(asRecord(value)?.items)
      : [value];
  return items.map((item) => ({ object: checkObject(item, where), file, line }));
}

// toJS throws on alias bombs (too many alias expansions) and similar; that is a manifest problem too.
function toValue(doc: { toJS(): unknown }, where: string): unknown {
  try {
    return doc.toJS();
  } catch (cause) {
    throw invalid(
      `${where}: cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
      'Simplify the document (anchors and aliases are expanded on read).',
    );
  }
}

// apiVersion, kind and metadata.name are what `kubectl apply` needs to address an object.
function checkObject(value: unknown, where: string): KubeObject {
  const object = asRecord(value);
  if (!object)
    throw invalid(
      `${where}: a manifest document must be a mapping (a Kubernetes object), found ${Array.isArray(value) ? 'a list' : typeof value}`,
      'Each YAML document must be one object with apiVersion, kind and metadata.',
    );
  const kind = asString(object.kind);
  const missing = [
    asString(object.apiVersion) ? undefined : 'apiVersion',
    kind ? undefined : 'kind',
    asString(asRecord(object.metadata)?.name) ? undefined : 'metadata.name',
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    const what = kind ? `the ${kind} object` : 'the object';
    throw invalid(
      `${where}: ${what} has no ${missing.join(', ')}`,
      'Every manifest object needs `apiVersion`, `kind` and `metadata.name` (generateName is not supported by apply).',
    );
  }
  return object as unknown as KubeObject;
}

function invalid(message: string, hint: string): TarmacError {
  return new TarmacError('MANIFEST_INVALID', message, { exitCode: ExitCode.usage, hint });
}
