import { TarmacError } from "../errors/errors.js";
import { describeFailure } from "../exec/describe.js";
function since(request) {
  return request.sinceMs === void 0 ? [] : [`--since=${String(Math.max(1, Math.ceil(request.sinceMs / 1e3)))}s`];
}
function podmanLogArgs(containerId, request) {
  return ["logs", ...request.follow ? ["--follow"] : [], ...since(request), containerId];
}
function kubectlLogArgs(source, request) {
  return [
    "logs",
    "-n",
    source.namespace ?? "default",
    source.pod,
    "-c",
    source.container,
    ...request.follow ? ["--follow"] : [],
    ...since(request)
  ];
}
function logsFailure(source, result) {
  if (result.ok || result.cancelled) return void 0;
  const why = result.stderr.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? describeFailure(result);
  return new TarmacError("LOGS_FAILED", `could not read the log of ${source.pod}/${source.container}: ${why}`, {
    hint: "`tarmac status` shows whether the env is up."
  });
}
export {
  kubectlLogArgs,
  logsFailure,
  podmanLogArgs
};
//# sourceMappingURL=log-args.js.map
