// File-system failures while reading a build context, as TarmacErrors with a hint.
import path from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** True for errors that mean "the path is not there (any more)". */
export function isVanished(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Wraps a failure to read `rel` (relative to the context `root`; '' is the root itself). */
export function contextReadError(root: string, rel: string, err: unknown): TarmacError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (rel === '' && isVanished(err)) {
    return new TarmacError('CONTEXT_NOT_FOUND', `Build context ${root} does not exist or is not a directory`, {
      exitCode: ExitCode.usage,
      hint: 'Check the `context` of this image in tarmac.yaml (relative paths resolve against the config file).',
      cause: err,
    });
  }
  const where = rel === '' ? root : path.join(root, rel);
  return new TarmacError(
    'CONTEXT_UNREADABLE',
    `Cannot read ${where} in build context ${root} (${code ?? String(err)})`,
    {
      exitCode: ExitCode.environment,
      hint: "Make it readable, or exclude it in the context's .containerignore/.dockerignore (the engine could not send it either).",
      cause: err,
    },
  );
}
