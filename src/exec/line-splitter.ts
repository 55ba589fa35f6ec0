// Turns a byte stream into lines as it arrives; `\n`, `\r\n` and a bare `\r` all end a line.
import { StringDecoder } from 'node:string_decoder';

/** Splits chunks into lines and hands each non-empty line to `emit`; call `end()` once at the end. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** The last chunk ended in `\r`: a `\n` starting the next chunk belongs to it. */
  private pendingCr = false;

  constructor(private readonly emit: (line: string) => void) {}

  /** Feeds one chunk; multi-byte characters split across chunks are decoded correctly. */
  push(chunk: Buffer | string): void {
    this.scan(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  }

  /** Flushes the last, unterminated line. Safe to call more than once. */
  end(): void {
    this.scan(this.decoder.end());
    this.pendingCr = false;
    this.flush();
  }

  private scan(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n' && i === 0 && this.pendingCr) {
        // The `\n` of a `\r\n` pair split across two chunks: the line was already emitted.
        start = 1;
        continue;
      }
      if (ch !== '\n' && ch !== '\r') continue;
      this.partial += text.slice(start, i);
      this.flush();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.partial += text.slice(start);
    // An empty `text` (half of a multi-byte character) must not forget a pending `\r`.
    if (text !== '') this.pendingCr = text.endsWith('\r');
  }

  private flush(): void {
    const line = this.partial;
    this.partial = '';
    // Why skip blank lines: progress redraws (`\r\r`) and spacing carry no information,
    // and they would push real lines out of the bounded tail.
    if (line.trim() !== '') this.emit(line);
  }
}
