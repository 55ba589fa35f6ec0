import { ConfigError, ExitCode, TarmacError, toTarmacError } from "../errors/errors.js";
import { formatProblems } from "../config/format.js";
import { safeText } from "../ui/safe-text.js";
function renderError(err, cwd, c) {
  if (err instanceof ConfigError) {
    const n = err.problems.length;
    return `${safeText(formatProblems(err, cwd))}
${c.red("error[CONFIG_INVALID]")}: ${n} problem${n === 1 ? "" : "s"} in the config; fix ${n === 1 ? "it" : "them"} and run \`tarmac validate\` again
`;
  }
  const e = toTarmacError(err);
  const lines = errorLines(`${c.red(`error[${e.code}]`)}: `, e, c);
  if (e.code === "INTERNAL" && err instanceof Error && err.stack) lines.push(c.dim(safeText(err.stack)));
  return `${lines.join("\n")}
`;
}
function errorLines(lead, e, c) {
  const lines = [`${lead}${safeText(e.message)}`];
  for (const d of e.details) lines.push(c.dim(`  | ${safeText(d)}`));
  if (e.hint) lines.push(`  ${c.bold("hint")}: ${safeText(e.hint)}`);
  return lines;
}
function exitCodeOf(err) {
  return err instanceof TarmacError ? err.exitCode : ExitCode.internal;
}
export {
  errorLines,
  exitCodeOf,
  renderError
};
//# sourceMappingURL=render-error.js.map
