import { imageRef } from "../cache/image-key.js";
import { imagesPresent } from "../engines/present-images.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { hasTag } from "./client.js";
import { parseImageRef } from "./image-ref.js";
import { registryCredentials } from "./credentials.js";
function registryMode(env, options = {}) {
  if (options.push && !env.registry) {
    throw new TarmacError("PUSH_WITHOUT_REGISTRY", "--push needs a registry, and this config has none", {
      exitCode: ExitCode.usage,
      hint: `Add \`registry: { url: 127.0.0.1:5000/team, insecure: true }\` (your registry and repository prefix) to ${env.file}.`
    });
  }
  if (options.pull && !env.registry) {
    throw new TarmacError(
      "PULL_ONLY_WITHOUT_REGISTRY",
      "--pull-only needs a registry to pull from, and this config has none",
      {
        exitCode: ExitCode.usage,
        hint: `Add \`registry: { url: 127.0.0.1:5000/team, insecure: true }\` (the registry the build job pushed to) to ${env.file}.`
      }
    );
  }
  if (!env.registry) return void 0;
  parseImageRef(imageRef("probe", "tm-0", env.registry.url));
  const credentials = registryCredentials(env.registry, options.processEnv);
  return {
    ...env.registry,
    push: env.registry.push || Boolean(options.push),
    pull: env.registry.pull || Boolean(options.pull),
    ...credentials ? { credentials } : {}
  };
}
async function resolveImageSources(input) {
  const { engine, registry, signal } = input;
  const lookup = input.hasTag ?? hasTag;
  const refs = input.refs ? new Map(input.refs) : new Map([...input.tags].map(([name, key]) => [name, imageRef(name, key.tag, registry?.url)]));
  const presence = /* @__PURE__ */ new Map();
  const inEngine = await imagesPresent(engine, [...refs.values()], signal);
  await Promise.all(
    [...refs].map(async ([name, ref]) => {
      const local = inEngine.get(ref) ?? false;
      const ask = registry !== void 0 && (registry.push || registry.pull && !local);
      const inRegistry = ask ? await lookup(ref, {
        insecure: registry.insecure,
        ...signal ? { signal } : {},
        ...registry.credentials ? { credentials: registry.credentials } : {}
      }) : void 0;
      presence.set(name, inRegistry === void 0 ? { local } : { local, registry: inRegistry });
    })
  );
  const cached = /* @__PURE__ */ new Map();
  for (const [name, ref] of refs) {
    const decision = cacheDecision(presence.get(name) ?? { local: false }, ref, registry);
    if (decision.cached) cached.set(name, decision.detail);
  }
  return { refs, presence, cached };
}
function cacheDecision(presence, ref, registry) {
  if (presence.local) {
    if (registry?.push && presence.registry === false) return { cached: false };
    return presence.registry ? { cached: true, detail: `${ref} (local, in registry)` } : { cached: true };
  }
  if (presence.registry && registry && (registry.pull || registry.push))
    return { cached: true, detail: `in registry: ${ref}` };
  return { cached: false };
}
export {
  cacheDecision,
  registryMode,
  resolveImageSources
};
//# sourceMappingURL=image-sources.js.map
