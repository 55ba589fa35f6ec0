const MAX_CHARS_PER_ENTRY = 2e4;
class RawLog {
  parts = [];
  /** Records a command's result: its command line, exit status and output. */
  result(result) {
    const status = result.timedOut ? `timed out after ${result.durationMs}ms` : result.spawnError ? `could not start: ${result.spawnError}` : `exit ${String(result.exitCode)}`;
    const out = [result.stdout, result.stderr].filter((s) => s.trim() !== "").join("\n");
    this.note(`$ ${result.command}  (${status}, ${result.durationMs}ms)
${clip(out)}`);
  }
  /** Records free text (a file read, a computed fact). */
  note(text) {
    this.parts.push(clip(text));
  }
  text() {
    return `${this.parts.join("\n\n")}
`;
  }
}
function clip(text) {
  return text.length > MAX_CHARS_PER_ENTRY ? `${text.slice(0, MAX_CHARS_PER_ENTRY)}
\u2026 (${text.length - MAX_CHARS_PER_ENTRY} more characters)` : text;
}
export {
  RawLog
};
//# sourceMappingURL=raw-log.js.map
