// The one shape of a `warning:` line on the terminal. Warnings quote files, databases and tools (a corrupt journal
// line, a history error), so the text is redacted, then escaped: it can neither leak a secret nor drive the terminal.
import { safeText } from '../ui/safe-text.js';

/** The `warning: …` line for `message`, ready to write. */
export function warningLine(message: string, redact: (text: string) => string = (t) => t): string {
  return `warning: ${safeText(redact(message))}\n`;
}

/** A warn function writing `warning: …` lines to `stream`. */
export function warnTo(stream: { write(text: string): unknown }, redact?: (text: string) => string) {
  return (message: string): void => void stream.write(warningLine(message, redact));
}
