// PEM private key blocks that arrive one line at a time: after a BEGIN line every line is masked until the END
// line. A step's output reaches the redactor line by line, so the block's state lives between calls.

const BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

// A 16384-bit RSA key is about 170 lines; past this a block without an END line is taken as ended, so a
// truncated key cannot mask the rest of a step's output.
const MAX_BLOCK_LINES = 256;

/** Where one stream of lines stands: outside a key block, or inside one (with the prefix its lines carry). */
export interface PemState {
  inside: boolean;
  /** What came before BEGIN on its line (`[pod/api] `, `stderr: `): kept on the body lines that repeat it. */
  prefix: string;
  lines: number;
}

/** A fresh state, outside any block. */
export function pemState(): PemState {
  return { inside: false, prefix: '', lines: 0 };
}

/** The line with a key block's body masked; updates `state` for the next line of the same stream. */
export function redactPemLine(line: string, state: PemState, mask: string): string {
  if (state.inside) {
    const end = END.exec(line);
    if (end) {
      state.inside = false;
      const kept = keptPrefix(line, state.prefix);
      const body = line.slice(kept.length, end.index);
      return `${kept}${body.trim() === '' ? body : mask}${line.slice(end.index)}`;
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

function keptPrefix(line: string, prefix: string): string {
  return prefix !== '' && line.startsWith(prefix) ? prefix : '';
}
