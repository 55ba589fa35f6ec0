import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { ExitCode, InternalError, TarmacError } from "../errors/errors.js";
import { hashContext } from "./hash-context.js";
import { sha256Hex } from "./hash-file.js";
const CACHE_FORMAT_VERSION = 1;
async function computeImageTags(images, opts = {}) {
  const byName = new Map(images.map((image) => [image.name, image]));
  const internal = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, internal.signal]) : internal.signal;
  const contexts = /* @__PURE__ */ new Map();
  const gate = createGate(Math.max(1, opts.contexts ?? Math.min(availableParallelism(), 4)));
  const hash = opts.hashContext ?? hashContext;
  const hashOnce = (dir) => {
    let pending = contexts.get(dir);
    if (!pending) contexts.set(dir, pending = settled(gate(() => hash(dir, { signal }))));
    return pending;
  };
  const keys = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const keyOf = (name, from) => {
    const known = keys.get(name);
    if (known) return known;
    const spec = byName.get(name);
    if (!spec) throw unknownBase(name, from);
    if (visiting.has(name)) throw new InternalError(`Image dependency cycle through "${name}" reached the cache`);
    visiting.add(name);
    const bases = spec.dependsOn.map((dep) => keyOf(dep, name));
    visiting.delete(name);
    const key = settled(imageKey(spec, hashOnce(path.resolve(spec.contextDir)), bases));
    keys.set(name, key);
    return key;
  };
  try {
    for (const image of images) void keyOf(image.name, image.name);
    const done = await Promise.all([...keys.values()]);
    return new Map(done.map((key) => [key.name, key]));
  } catch (err) {
    internal.abort();
    throw err;
  }
}
function settled(promise) {
  promise.catch(() => void 0);
  return promise;
}
async function imageKey(spec, context, bases) {
  const [ctx, containerfile, baseKeys] = await Promise.all([context, readContainerfile(spec), Promise.all(bases)]);
  const material = JSON.stringify({
    version: CACHE_FORMAT_VERSION,
    context: ctx.digest,
    containerfile: sha256Hex(containerfile),
    target: spec.target ?? null,
    args: Object.entries(spec.args).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
    bases: baseKeys.map((k) => [k.name, k.tag]).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
  });
  const digest = sha256Hex(material);
  const tag = `tm-${digest.slice(0, 12)}`;
  return { name: spec.name, tag, ref: `${spec.name}:${tag}`, digest, files: ctx.files, bytes: ctx.bytes };
}
function imageRef(name, tag, registry) {
  const host = registry?.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
  return `${host ? host : "localhost"}/${name}:${tag}`;
}
async function readContainerfile(spec) {
  try {
    return await readFile(spec.containerfile);
  } catch (err) {
    throw new TarmacError(
      "CONTAINERFILE_UNREADABLE",
      `Cannot read the Containerfile of image "${spec.name}": ${spec.containerfile}`,
      {
        exitCode: ExitCode.usage,
        hint: "Check the `containerfile` (or `context`) of this image in tarmac.yaml.",
        cause: err
      }
    );
  }
}
function unknownBase(name, from) {
  return new TarmacError(
    "IMAGE_UNKNOWN",
    `Image "${from}" depends on "${name}", which is not an image of this config`,
    {
      exitCode: ExitCode.usage,
      hint: "List the base under `images`, or remove it from `dependsOn`."
    }
  );
}
function createGate(limit) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= limit) await new Promise((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
export {
  CACHE_FORMAT_VERSION,
  computeImageTags,
  imageRef
};
//# sourceMappingURL=image-key.js.map
