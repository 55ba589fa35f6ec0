const BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const MAX_BLOCK_LINES = 256;
function pemState() {
  return { inside: false, prefix: "", lines: 0 };
}
function redactPemLine(line, state, mask) {
  if (state.inside) {
    const end = END.exec(line);
    if (end) {
      state.inside = false;
      const kept = keptPrefix(line, state.prefix);
      const body = line.slice(kept.length, end.index);
      return `${kept}${body.trim() === "" ? body : mask}${line.slice(end.index)}`;
    }
    state.lines += 1;
    if (state.lines > MAX_BLOCK_LINES) state.inside = false;
    return `${keptPrefix(line, state.prefix)}${mask}`;
  }
  const begin = BEGIN.exec(line);
  if (begin && !END.test(line.slice(begin.index))) {
    state.inside = true;
    state.prefix = line.slice(0, begin.index);
    state.lines = 0;
  }
  return line;
}
function keptPrefix(line, prefix) {
  return prefix !== "" && line.startsWith(prefix) ? prefix : "";
}
export {
  pemState,
  redactPemLine
};
//# sourceMappingURL=pem.js.map
