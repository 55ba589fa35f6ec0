// Which of several image references the engine's store holds, with one image listing instead of one
// `image exists` per reference (each engine call costs 100-300 ms on a busy host).
import type { ContainerEngine } from './types.js';

// Repository:tag of every tagged image; the same format for podman and docker, and no header with --format.
const LIST_ARGS = ['images', '--format', '{{.Repository}}:{{.Tag}}'];
// A hung engine must not hang the run: past this, every ref is asked one by one (under the engine's own timeout).
const LIST_TIMEOUT_MS = 30_000;

/**
 * ref -> present, for every ref. A ref found in the listing is present; any other is asked with `imageExists`,
 * so a name the listing spells differently (docker's short names) or a failed listing costs calls, never a wrong answer.
 */
export async function imagesPresent(
  engine: ContainerEngine,
  refs: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, boolean>> {
  const unique = [...new Set(refs)];
  const listed = unique.length > 1 ? await listedRefs(engine, signal) : new Set<string>();
  const answers = await Promise.all(
    unique.map(async (ref) => [ref, listed.has(ref) || (await engine.imageExists(ref, signal))] as const),
  );
  return new Map(answers);
}

async function listedRefs(engine: ContainerEngine, signal?: AbortSignal): Promise<Set<string>> {
  try {
    const result = await engine.exec(LIST_ARGS, { timeoutMs: LIST_TIMEOUT_MS, ...(signal ? { signal } : {}) });
    return result.ok ? new Set(result.stdout.split('\n').map((line) => line.trim())) : new Set();
  } catch {
    // A listing that could not run proves nothing: every ref is then asked one by one, as before.
    return new Set();
  }
}
