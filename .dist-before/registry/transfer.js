import { ExitCode, TarmacError } from "../errors/errors.js";
import { hasTag as registryHasTag } from "./client.js";
import { redactSecrets } from "../redact/patterns.js";
import { withAuthFile } from "./credentials.js";
import { parseImageRef } from "./image-ref.js";
function withCredentials(ref, credentials, transfer) {
  if (!credentials) return transfer();
  return withAuthFile(parseImageRef(ref).registry, credentials, (path) => transfer(path));
}
function lookupOptions(options) {
  return {
    insecure: options.insecure,
    ...options.signal ? { signal: options.signal } : {},
    ...options.credentials ? { credentials: options.credentials } : {}
  };
}
async function ensureLocalImage(engine, ref, options) {
  if (await engine.imageExists(ref, options.signal)) return "present";
  options.output?.(`pulling ${ref}`);
  await withCredentials(
    ref,
    options.credentials,
    (authFile) => engine.pull(ref, {
      insecure: options.insecure,
      ...options.signal ? { signal: options.signal } : {},
      ...authFile ? { authFile } : {}
    })
  );
  if (!await engine.imageExists(ref, options.signal)) {
    throw new TarmacError(
      "REGISTRY_PULL_NOT_VERIFIED",
      `${engine.name} pull of ${redactSecrets(ref)} exited 0 but the image is not in the engine`,
      {
        exitCode: ExitCode.infrastructure,
        hint: "Check the engine with `tarmac doctor` and the registry, then run again."
      }
    );
  }
  options.output?.(`pulled ${ref}`);
  return "pulled";
}
async function pushImage(engine, ref, options) {
  options.output?.(`pushing ${ref}`);
  await withCredentials(
    ref,
    options.credentials,
    (authFile) => engine.push(ref, {
      insecure: options.insecure,
      ...options.signal ? { signal: options.signal } : {},
      ...authFile ? { authFile } : {}
    })
  );
  const lookup = options.hasTag ?? registryHasTag;
  if (!await lookup(ref, lookupOptions(options))) {
    throw new TarmacError(
      "REGISTRY_PUSH_NOT_VERIFIED",
      `${engine.name} push of ${redactSecrets(ref)} exited 0 but the registry does not have the tag`,
      {
        exitCode: ExitCode.infrastructure,
        hint: "Check the registry (its storage and logs), then run again."
      }
    );
  }
  options.output?.(`pushed ${ref}`);
}
function createPuller(engine, insecure, credentials) {
  const pulls = /* @__PURE__ */ new Map();
  return (ref, options) => {
    let pending = pulls.get(ref);
    if (!pending) {
      pending = ensureLocalImage(engine, ref, { ...options, insecure, ...credentials ? { credentials } : {} });
      pulls.set(ref, pending);
      pending.catch(() => pulls.delete(ref));
    }
    return pending;
  };
}
export {
  createPuller,
  ensureLocalImage,
  pushImage
};
//# sourceMappingURL=transfer.js.map
