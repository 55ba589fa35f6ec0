// Parsers for `image inspect` (podman and docker print the same array shape) and id lists.
import type { CommandResult } from '../exec/types.js';
import { bareId, num, obj, parseJson, str, stringList, stringMap } from './json-fields.js';
import type { ImageInfo } from './types.js';

/** Every image of an `image inspect` output. */
export function parseImageInspect(result: CommandResult): ImageInfo[] {
  const parsed = parseJson(result);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item) => {
    const image = obj(item);
    // podman repeats Labels at the top level; docker has them only under Config.
    const labels = image.Labels ?? obj(image.Config).Labels;
    const created = str(image.Created);
    return {
      id: bareId(str(image.Id) ?? ''),
      tags: stringList(image.RepoTags),
      sizeBytes: num(image.Size) ?? 0,
      labels: stringMap(labels),
      ...(created === undefined ? {} : { created }),
    };
  });
}

/** The ids printed one per line by `images -q --no-trunc` or `image prune`. */
export function parseIdLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(sha256:)?[0-9a-f]{12,64}$/.test(line))
    .map(bareId);
}

/** Whether `labels` carries every one of `wanted`. */
export function hasLabels(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}

const MISSING_IMAGE = /image not known|no such image/i;

/**
 * The refs a multi-ref inspect reports missing by name on stderr (podman: "…: <ref>: image not known", docker:
 * "No such image: <ref>"). Only these are known absent: the engine looked up exactly that name.
 */
export function refsReportedMissing(stderr: string, refs: readonly string[]): Set<string> {
  const lines = stderr.split('\n').filter((line) => MISSING_IMAGE.test(line));
  return new Set(
    refs.filter((ref) => lines.some((line) => line.includes(`${ref}: `) || line.trimEnd().endsWith(` ${ref}`))),
  );
}

/** Whether a failed inspect/exists says the image is simply not there. */
export function isMissingImage(result: CommandResult): boolean {
  // `podman image exists` answers "no" with exit 1 and no output.
  return (result.exitCode === 1 && result.stderr.trim() === '') || MISSING_IMAGE.test(result.stderr);
}
