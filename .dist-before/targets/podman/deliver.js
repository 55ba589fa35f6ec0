import { TarmacError } from "../../errors/errors.js";
import { mayPull } from "./image-check.js";
function insecureRegistryRef(env, ref) {
  const registry = env.registry;
  if (!registry?.insecure) return false;
  const host = registry.url.replace(/^[a-z]+:\/\//, "").replace(/\/+$/, "");
  return ref.startsWith(`${host}/`);
}
async function deliverImage(engine, env, ref, ctx) {
  if (await engine.imageExists(ref, ctx.signal)) return "present";
  if (!mayPull(ref, void 0)) {
    throw new TarmacError(
      "IMAGE_NOT_FOUND",
      `image ${ref} does not exist in ${engine.name}'s image store, and a localhost/ image cannot be pulled`,
      {
        hint: "Build it first (tarmac up builds every image of tarmac.yaml), or fix the reference."
      }
    );
  }
  ctx.output(`pulling ${ref}`);
  await engine.pull(ref, { insecure: insecureRegistryRef(env, ref), signal: ctx.signal });
  if (!await engine.imageExists(ref, ctx.signal)) {
    throw new TarmacError(
      "DELIVERY_NOT_VERIFIED",
      `${engine.name} pull ${ref} succeeded, but the image is not in the store afterwards`,
      {
        hint: `Check with \`${engine.name} image exists ${ref}\`, and the engine's storage.`
      }
    );
  }
  return "delivered";
}
export {
  deliverImage,
  insecureRegistryRef
};
//# sourceMappingURL=deliver.js.map
