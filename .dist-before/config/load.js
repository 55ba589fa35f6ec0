import { open } from "node:fs/promises";
import path from "node:path";
import { ConfigError, ExitCode, TarmacError } from "../errors/errors.js";
import { configErrorMap } from "./issue-messages.js";
import { issueFindings } from "./issues.js";
import { normaliseConfig } from "./normalise.js";
import { formatPath } from "./path-text.js";
import { runRules } from "./rules/index.js";
import { formatSize } from "./size.js";
import { configSchema } from "./schema.js";
import { locate, parseYaml } from "./yaml-source.js";
import { findConfigFile } from "./find-config.js";
async function loadEnv(file, options = {}) {
  return (await loadEnvWithWarnings(file, options)).env;
}
async function loadEnvWithWarnings(file, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const abs = path.resolve(cwd, file);
  const { source, errors } = parseYaml(await readConfig(abs, file));
  if (errors.length > 0) {
    throw new ConfigError(
      abs,
      errors.map((e) => ({ file: abs, line: e.line, col: e.col, path: "", message: e.message, hint: e.hint }))
    );
  }
  const data = toData(source, abs);
  const parsed = configSchema.safeParse(data, { error: configErrorMap });
  const rules = runRules({ data, dir: path.dirname(abs), fileName: path.basename(abs), cwd });
  const problems = [...parsed.success ? [] : issueFindings(parsed.error.issues, data), ...rules.errors];
  if (!parsed.success || problems.length > 0) throw new ConfigError(abs, toProblems(source, abs, problems));
  return { env: normaliseConfig(parsed.data, abs), warnings: toProblems(source, abs, rules.warnings) };
}
function toData(source, file) {
  try {
    return source.doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const message = `YAML error: ${cause instanceof Error ? cause.message : String(cause)}`;
    throw new ConfigError(file, [
      {
        file,
        line: 1,
        col: 1,
        path: "",
        message,
        hint: "Check the anchors (`&name`) and aliases (`*name`): each alias needs an anchor above it, and aliases must not multiply."
      }
    ]);
  }
}
const MAX_CONFIG_BYTES = 1024 * 1024;
async function readConfig(abs, asGiven) {
  let handle;
  try {
    handle = await open(abs, "r");
    const stat = await handle.stat();
    if (!stat.isFile()) throw tooLarge(abs, `${asGiven} is not a regular file`);
    if (stat.size > MAX_CONFIG_BYTES)
      throw tooLarge(abs, `The config file is ${formatSize(stat.size)}; tarmac reads at most 1 MiB`);
    return await handle.readFile("utf8");
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    const missing = cause.code === "ENOENT";
    throw new TarmacError(
      "CONFIG_NOT_FOUND",
      missing ? `Config file ${asGiven} not found` : `Cannot read config file ${asGiven}`,
      {
        exitCode: ExitCode.usage,
        cause,
        hint: missing ? "Check the path given with `-f`, or run tarmac where tarmac.yaml is." : "Pass a readable YAML file with `-f <path>`."
      }
    );
  } finally {
    await handle?.close();
  }
}
function tooLarge(file, message) {
  const hint = "Pass the tarmac.yaml of the project with `-f <path>`; a config describes images, deploy groups and tests in a few KiB.";
  return new ConfigError(file, [{ file, line: 1, col: 1, path: "", message, hint }]);
}
function toProblems(source, file, findings) {
  const problems = findings.map((f, order) => {
    const { line, col } = locate(source, f.path, f.atKey);
    return {
      problem: { file, line, col, path: formatPath(f.path), message: f.message, ...f.hint ? { hint: f.hint } : {} },
      order
    };
  });
  problems.sort((a, b) => a.problem.line - b.problem.line || a.problem.col - b.problem.col || a.order - b.order);
  const seen = /* @__PURE__ */ new Set();
  return problems.map((p) => p.problem).filter((p) => {
    const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
export {
  MAX_CONFIG_BYTES,
  findConfigFile,
  loadEnv,
  loadEnvWithWarnings
};
//# sourceMappingURL=load.js.map
