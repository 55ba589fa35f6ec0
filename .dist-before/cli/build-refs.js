import { resolve } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
function refsTarget(env, opts, cwd) {
  if (opts.refs === void 0) return void 0;
  if (!env.registry || !(env.registry.push || opts.push)) {
    throw new TarmacError(
      "REFS_WITHOUT_PUSH",
      "--refs writes the pushed registry references, and this build pushes nothing",
      {
        exitCode: ExitCode.usage,
        hint: "Run `tarmac build --push --refs FILE` (with `registry.url` set in tarmac.yaml)."
      }
    );
  }
  return resolve(cwd, opts.refs);
}
function refsDocument(env, runId, images) {
  if (!env.registry) return void 0;
  return {
    images: Object.fromEntries(images.map((i) => [i.name, i.ref])),
    env: env.name,
    runId,
    registry: env.registry.url
  };
}
export {
  refsDocument,
  refsTarget
};
//# sourceMappingURL=build-refs.js.map
