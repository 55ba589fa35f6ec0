// The refs file a build job hands to later jobs: `{ images: { <name>: <registry ref> }, env, runId, registry }`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { parseImageRef } from './image-ref.js';

/** What `tarmac build --push --refs FILE` writes and `tarmac up --pull-only --refs FILE` reads. */
export interface RefsDocument {
  /** Logical image name -> the content-tagged registry reference the build job pushed. */
  images: Record<string, string>;
  /** The env (config `name`) of the build job; informational, shard jobs may use other names. */
  env: string;
  /** The build job's run id, to find its journal. */
  runId: string;
  /** registry.url of the build job. */
  registry: string;
}

/** Writes the refs document as JSON (directories created as needed). */
export async function writeRefsFile(path: string, doc: RefsDocument): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Reads and checks a refs file. Throws REFS_FILE_MISSING or REFS_FILE_INVALID (both exit 2). */
export async function readRefsFile(path: string): Promise<RefsDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TarmacError(
      'REFS_FILE_MISSING',
      `cannot read the refs file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        exitCode: ExitCode.usage,
        hint: 'The build job writes it with `tarmac build --push --refs FILE`; hand it to this job (e.g. as a CI artifact).',
        cause: error,
      },
    );
  }
  return parseRefsDocument(text, path);
}

/** Parses and checks the JSON of a refs file; `path` names it in errors. */
export function parseRefsDocument(text: string, path: string): RefsDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `not JSON (${(error as Error).message})`);
  }
  const doc = raw as Partial<RefsDocument> | null;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    typeof doc.images !== 'object' ||
    doc.images === null ||
    Array.isArray(doc.images)
  ) {
    throw invalid(path, 'expected an object with `images: { <name>: <ref> }`');
  }
  for (const [name, ref] of Object.entries(doc.images)) {
    if (typeof ref !== 'string') throw invalid(path, `images.${name} is not a string`);
    try {
      parseImageRef(ref);
    } catch (error) {
      throw invalid(path, `images.${name}: ${(error as Error).message}`);
    }
  }
  return {
    images: doc.images,
    env: String(doc.env ?? ''),
    runId: String(doc.runId ?? ''),
    registry: String(doc.registry ?? ''),
  };
}

/**
 * The references for `names` (the env's images) from a refs document. Throws REFS_FILE_INCOMPLETE (exit 2)
 * naming every image the file lacks: it was written for another config, or with --only.
 */
export function refsForImages(doc: RefsDocument, names: readonly string[], path: string): Map<string, string> {
  const missing = names.filter((name) => doc.images[name] === undefined);
  if (missing.length > 0) {
    throw new TarmacError(
      'REFS_FILE_INCOMPLETE',
      `the refs file ${path} names no reference for ${missing.join(', ')}`,
      {
        exitCode: ExitCode.usage,
        details: [`it names: ${Object.keys(doc.images).join(', ') || 'nothing'}`],
        hint: 'Write it with `tarmac build --push --refs FILE` from the same tarmac.yaml (all its images: no --only).',
      },
    );
  }
  return new Map(names.map((name) => [name, doc.images[name] as string]));
}

function invalid(path: string, why: string): TarmacError {
  return new TarmacError('REFS_FILE_INVALID', `the refs file ${path} is not usable: ${why}`, {
    exitCode: ExitCode.usage,
    hint: 'Use the file `tarmac build --push --refs FILE` wrote, unchanged.',
  });
}
