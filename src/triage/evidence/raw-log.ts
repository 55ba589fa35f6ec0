// The raw text a collector read, command by command, for evidence/<collector>.txt and the bundle.
import type { CommandResult } from '../../exec/types.js';

const MAX_CHARS_PER_ENTRY = 20_000;

/** Accumulates `$ command` + output sections; `text()` joins them. */
export class RawLog {
  private readonly parts: string[] = [];

  /** Records a command's result: its command line, exit status and output. */
  result(result: CommandResult): void {
    const status = result.timedOut
      ? `timed out after ${result.durationMs}ms`
      : result.spawnError
        ? `could not start: ${result.spawnError}`
        : `exit ${String(result.exitCode)}`;
    const out = [result.stdout, result.stderr].filter((s) => s.trim() !== '').join('\n');
    this.note(`$ ${result.command}  (${status}, ${result.durationMs}ms)\n${clip(out)}`);
  }

  /** Records free text (a file read, a computed fact). */
  note(text: string): void {
    this.parts.push(clip(text));
  }

  text(): string {
    return `${this.parts.join('\n\n')}\n`;
  }
}

function clip(text: string): string {
  return text.length > MAX_CHARS_PER_ENTRY
    ? `${text.slice(0, MAX_CHARS_PER_ENTRY)}\n… (${text.length - MAX_CHARS_PER_ENTRY} more characters)`
    : text;
}
