import { TarmacError, ExitCode } from "../errors/errors.js";
const MALFORMED_HINT = "the test command wrote something that is not JUnit XML";
const MAX_SHOWN_CHARS = 160;
function junitMalformed(file, at, reason, xml, cause) {
  return new TarmacError("JUNIT_MALFORMED", `${file}:${at.line}:${at.col}: ${reason}`, {
    exitCode: ExitCode.infrastructure,
    hint: MALFORMED_HINT,
    details: excerpt(xml, at),
    cause
  });
}
function junitMissing(shownPath, shownCwd, problem, details = []) {
  return new TarmacError("JUNIT_MISSING", `JUnit XML ${shownPath} ${problem}`, {
    exitCode: ExitCode.infrastructure,
    hint: `check test.junit matches where the command writes it (the command ran in ${shownCwd})`,
    details
  });
}
function excerpt(xml, at) {
  const line = xml.split(/\r\n|\r|\n/)[at.line - 1];
  if (line === void 0 || line.trim() === "") return [];
  const start = Math.max(0, at.col - 1 - MAX_SHOWN_CHARS / 2);
  const shown = line.slice(start, start + MAX_SHOWN_CHARS).replace(/\t/g, " ");
  const prefix = start > 0 ? "\u2026" : "";
  return [
    `${prefix}${shown}${start + MAX_SHOWN_CHARS < line.length ? "\u2026" : ""}`,
    `${" ".repeat(prefix.length + at.col - 1 - start)}^`
  ];
}
export {
  junitMalformed,
  junitMissing
};
//# sourceMappingURL=errors.js.map
