import { StringDecoder } from "node:string_decoder";
class LineSplitter {
  constructor(emit) {
    this.emit = emit;
  }
  emit;
  decoder = new StringDecoder("utf8");
  partial = "";
  /** The last chunk ended in `\r`: a `\n` starting the next chunk belongs to it. */
  pendingCr = false;
  /** Feeds one chunk; multi-byte characters split across chunks are decoded correctly. */
  push(chunk) {
    this.scan(typeof chunk === "string" ? chunk : this.decoder.write(chunk));
  }
  /** Flushes the last, unterminated line. Safe to call more than once. */
  end() {
    this.scan(this.decoder.end());
    this.pendingCr = false;
    this.flush();
  }
  scan(text) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\n" && i === 0 && this.pendingCr) {
        start = 1;
        continue;
      }
      if (ch !== "\n" && ch !== "\r") continue;
      this.partial += text.slice(start, i);
      this.flush();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
    this.partial += text.slice(start);
    if (text !== "") this.pendingCr = text.endsWith("\r");
  }
  flush() {
    const line = this.partial;
    this.partial = "";
    if (line.trim() !== "") this.emit(line);
  }
}
export {
  LineSplitter
};
//# sourceMappingURL=line-splitter.js.map
