// Delivery on the podman target: the pods run on the engine that built the images, so an image is
// delivered when the engine has it; a registry reference is pulled (registry mode), anything else
// missing is an error.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import { TarmacError } from '../../errors/errors.js';
import type { TargetContext } from '../types.js';
import { mayPull } from './image-check.js';

/** Whether the ref lives in the env's registry and that registry is insecure (plain HTTP). */
export function insecureRegistryRef(env: Env, ref: string): boolean {
  const registry = env.registry;
  if (!registry?.insecure) return false;
  const host = registry.url.replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  return ref.startsWith(`${host}/`);
}

/** Makes `ref` available to the pods; verifies it afterwards. */
export async function deliverImage(
  engine: ContainerEngine,
  env: Env,
  ref: string,
  ctx: TargetContext,
): Promise<'delivered' | 'present'> {
  if (await engine.imageExists(ref, ctx.signal)) return 'present';
  if (!mayPull(ref, undefined)) {
    throw new TarmacError(
      'IMAGE_NOT_FOUND',
      `image ${ref} does not exist in ${engine.name}'s image store, and a localhost/ image cannot be pulled`,
      {
        hint: 'Build it first (tarmac up builds every image of tarmac.yaml), or fix the reference.',
      },
    );
  }
  ctx.output(`pulling ${ref}`);
  await engine.pull(ref, { insecure: insecureRegistryRef(env, ref), signal: ctx.signal });
  if (!(await engine.imageExists(ref, ctx.signal))) {
    throw new TarmacError(
      'DELIVERY_NOT_VERIFIED',
      `${engine.name} pull ${ref} succeeded, but the image is not in the store afterwards`,
      {
        hint: `Check with \`${engine.name} image exists ${ref}\`, and the engine's storage.`,
      },
    );
  }
  return 'delivered';
}
