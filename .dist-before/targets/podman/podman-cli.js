import { engineFailed } from "../../engines/engine-error.js";
const QUICK_TIMEOUT_MS = 6e4;
function podmanCli(engine, defaults = {}, onResult) {
  const run = async (args, options = {}) => {
    const result = await engine.exec(args, { timeoutMs: QUICK_TIMEOUT_MS, ...options, ...defaults });
    onResult?.(result);
    return result;
  };
  return {
    run,
    async must(args, message, options, hint) {
      const result = await run(args, options);
      if (!result.ok) throw engineFailed(engine.name, result, message, hint);
      return result;
    },
    failed: (result, message, hint) => engineFailed(engine.name, result, message, hint)
  };
}
function parseJsonList(stdout) {
  const text = stdout.trim();
  if (text === "" || text === "null") return [];
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}
export {
  QUICK_TIMEOUT_MS,
  parseJsonList,
  podmanCli
};
//# sourceMappingURL=podman-cli.js.map
