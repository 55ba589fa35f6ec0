import { ExitCode, TarmacError } from "../errors/errors.js";
import { createPuller, pushImage } from "./transfer.js";
function withRegistry(build, deps) {
  const pull = deps.puller ?? createPuller(deps.engine, deps.registry.insecure, deps.registry.credentials);
  return async (step, ctx) => {
    const { spec, ref } = lookup(step, deps);
    let result;
    if (deps.presence.get(spec.name)?.local) {
      result = { state: "cached", detail: `${ref} (local)` };
    } else {
      for (const base of spec.dependsOn) {
        const baseRef = deps.refs.get(base);
        if (baseRef) await pull(baseRef, { signal: ctx.signal, output: ctx.output });
      }
      result = await build(step, ctx);
    }
    if (!deps.registry.push) return result;
    const credentials = deps.registry.credentials ? { credentials: deps.registry.credentials } : {};
    await pushImage(deps.engine, ref, {
      insecure: deps.registry.insecure,
      signal: ctx.signal,
      output: ctx.output,
      ...credentials,
      ...deps.hasTag ? { hasTag: deps.hasTag } : {}
    });
    return { state: result.state, detail: `${ref}, pushed` };
  };
}
function withRegistryDelivery(deliver, deps) {
  const pull = deps.puller ?? createPuller(deps.engine, deps.registry.insecure, deps.registry.credentials);
  return async (step, ctx) => {
    const ref = deps.refs.get(step.subject);
    if (!ref)
      throw new TarmacError("INTERNAL", `no image reference for ${step.subject}`, { exitCode: ExitCode.internal });
    await pull(ref, { signal: ctx.signal, output: ctx.output });
    return deliver(step, ctx);
  };
}
function lookup(step, deps) {
  const spec = deps.images.get(step.subject);
  const ref = deps.refs.get(step.subject);
  if (!spec || !ref)
    throw new TarmacError("INTERNAL", `no image spec for ${step.subject}`, { exitCode: ExitCode.internal });
  return { spec, ref };
}
export {
  withRegistry,
  withRegistryDelivery
};
//# sourceMappingURL=registry-executor.js.map
