// Every image tarmac built that the engine still holds (label io.tarmac.managed=true), with size,
// creation time and labels: what the disk guard counts, names and may prune.
import type { ContainerEngine, ImageInfo } from '../engines/types.js';
import { LABEL_ENV, LABEL_MANAGED } from '../engines/labels.js';

/** Lists tarmac's images (only env `envName`'s when given). */
export async function listTarmacImages(
  engine: ContainerEngine,
  signal?: AbortSignal,
  envName?: string,
): Promise<ImageInfo[]> {
  // The env label first: the engine is asked with the first label only (engines/README.md), and it is the narrower.
  const labels: Record<string, string> =
    envName === undefined ? { [LABEL_MANAGED]: 'true' } : { [LABEL_ENV]: envName, [LABEL_MANAGED]: 'true' };
  try {
    return await engine.listImages(labels, signal);
  } catch {
    // Why once more: another process removing an image between our list and inspect (or during the
    // list: podman exits 125 "image not known") is a race, not a broken engine.
    return await engine.listImages(labels, signal);
  }
}
