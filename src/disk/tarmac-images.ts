// Every image tarmac built that the engine still holds (label io.tarmac.managed=true), with size,
// creation time and labels: what the disk guard counts, names and may prune.
import type { ContainerEngine, ImageInfo } from '../engines/types.js';
import { LABEL_ENV, LABEL_MANAGED } from '../engines/labels.js';
import { engineFailed } from '../engines/engine-error.js';
import { hasLabels, parseIdLines, parseImageInspect } from '../engines/parse-images.js';
import type { Runner } from '../exec/types.js';

const TIMEOUT_MS = 60_000;

/** Lists tarmac's images (only env `envName`'s when given) through the engine's own argv prefix and environment. */
export async function listTarmacImages(
  engine: ContainerEngine,
  runner: Runner,
  signal?: AbortSignal,
  envName?: string,
): Promise<ImageInfo[]> {
  try {
    return await listOnce(engine, runner, signal, envName);
  } catch {
    // Why once more: another process removing an image between our list and inspect (or during the
    // list: podman exits 125 "image not known") is a race, not a broken engine.
    return await listOnce(engine, runner, signal, envName);
  }
}

async function listOnce(
  engine: ContainerEngine,
  runner: Runner,
  signal?: AbortSignal,
  envName?: string,
): Promise<ImageInfo[]> {
  const [bin = engine.name, ...prefix] = engine.argvPrefix;
  const call = async (args: string[], what: string) => {
    const result = await runner(bin, [...prefix, ...args], {
      env: engine.env,
      timeoutMs: TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    if (!result.ok) throw engineFailed(engine.name, result, what);
    return result;
  };
  // One label filter only: podman 4.3.1 ORs several (engines/README.md); the env label implies tarmac's.
  const filter = envName === undefined ? `label=${LABEL_MANAGED}=true` : `label=${LABEL_ENV}=${envName}`;
  const listed = await call(
    ['images', '-q', '--no-trunc', '--filter', filter],
    `Could not list tarmac's ${engine.name} images`,
  );
  // An image tagged twice is listed twice.
  const ids = [...new Set(parseIdLines(listed.stdout))];
  if (ids.length === 0) return [];
  const inspected = await call(['image', 'inspect', ...ids], `Could not inspect tarmac's ${engine.name} images`);
  // Why check the label again: podman 4.3.1 ORs label filters (engines/README.md); one filter is safe, but cheap to verify.
  return parseImageInspect(inspected).filter((image) =>
    hasLabels(image.labels, { [LABEL_MANAGED]: 'true', ...(envName === undefined ? {} : { [LABEL_ENV]: envName }) }),
  );
}
