// Before playing: every image a pod needs must be in podman's store, unless podman may pull it.
// Decided here: a missing image fails the apply with IMAGE_NOT_FOUND naming the image (podman 4.3.1
// `kube play` would otherwise fail half-way, "image not known", leaving a created pod behind, or
// try to pull a localhost/ image from https://localhost/ three times).
import type { ContainerEngine } from '../../engines/types.js';
import { TarmacError } from '../../errors/errors.js';
import type { PlayUnit } from './play-plan.js';

/** Whether podman could pull the reference: not a local-only `localhost/` name, and the policy allows pulling. */
export function mayPull(ref: string, pullPolicy: string | undefined): boolean {
  return pullPolicy !== 'Never' && !ref.startsWith('localhost/');
}

/** Throws IMAGE_NOT_FOUND listing every image of the units that is missing and will not be pulled. */
export async function assertImagesPresent(
  engine: ContainerEngine,
  units: PlayUnit[],
  group: string,
  signal?: AbortSignal,
): Promise<void> {
  const missing: string[] = [];
  const checked = new Map<string, boolean>();
  for (const unit of units) {
    for (const image of unit.images) {
      if (mayPull(image.ref, image.pullPolicy)) continue;
      let present = checked.get(image.ref);
      if (present === undefined) checked.set(image.ref, (present = await engine.imageExists(image.ref, signal)));
      if (!present)
        missing.push(
          `${image.ref}: container ${image.container} of ${unit.workload.kind}/${unit.workload.name} (${unit.source})`,
        );
    }
  }
  if (missing.length === 0) return;
  const first = missing[0]?.split(': ')[0] ?? '';
  throw new TarmacError(
    'IMAGE_NOT_FOUND',
    `deploy group ${group}: image ${first}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''} does not exist in podman's image store`,
    {
      details: missing,
      hint: 'Build or deliver the image first (tarmac up does both), or fix the image name in the manifest. Local images (localhost/...) and imagePullPolicy: Never are never pulled.',
    },
  );
}
