import { DEFAULT_HOOK_TIMEOUT_MS } from "./hook-schema.js";
function normaliseHooks(hooks, at) {
  const phase = (list, when) => list.map((hook, index) => ({
    name: hook.name ?? `${when}-${index + 1}`,
    command: hook.command,
    env: hook.env,
    cwd: at(hook.cwd ?? "."),
    timeoutMs: hook.timeout ?? DEFAULT_HOOK_TIMEOUT_MS
  }));
  return { before: phase(hooks.before, "before"), after: phase(hooks.after, "after") };
}
export {
  normaliseHooks
};
//# sourceMappingURL=normalise-hooks.js.map
