import path from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
function isVanished(err) {
  const code = err?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
function contextReadError(root, rel, err) {
  const code = err?.code;
  if (rel === "" && isVanished(err)) {
    return new TarmacError("CONTEXT_NOT_FOUND", `Build context ${root} does not exist or is not a directory`, {
      exitCode: ExitCode.usage,
      hint: "Check the `context` of this image in tarmac.yaml (relative paths resolve against the config file).",
      cause: err
    });
  }
  const where = rel === "" ? root : path.join(root, rel);
  return new TarmacError(
    "CONTEXT_UNREADABLE",
    `Cannot read ${where} in build context ${root} (${code ?? String(err)})`,
    {
      exitCode: ExitCode.environment,
      hint: "Make it readable, or exclude it in the context's .containerignore/.dockerignore (the engine could not send it either).",
      cause: err
    }
  );
}
export {
  contextReadError,
  isVanished
};
//# sourceMappingURL=fs-errors.js.map
