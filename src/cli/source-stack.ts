// Stack traces in src/ terms, mapped only when one is shown. The CLI runs from a bundle (dist/); turning node's source
// maps on at start made every command read and index the maps of every chunk it loaded (about 0.1 s of CPU per
// start here, issue 16) for the rare internal error whose stack is printed. The maps sit beside the chunks
// (`<chunk>.js.map`, written by scripts/bundle-cli.mjs), so the one stack printed is mapped from them here instead.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A frame's location: `file:///x/dist/chunk-A.js:12:34`, `/x/dist/chunk-A.js:12:34` or `/x/dist/tarmac.cjs:12:34`.
const FRAME = /(?:file:\/\/)?(\/[^\s():]+\.[mc]?js):(\d+):(\d+)/g;

/** `stack` with each frame whose file has a source map beside it pointing at the source line; the rest as it was. */
export function sourceStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack.replace(FRAME, (frame: string, file: string, line: string, column: string) => {
    if (!maps.has(file)) maps.set(file, readMap(file));
    const map = maps.get(file);
    const entry = map?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function readMap(file: string): SourceMap | undefined {
  const path = `${file}.map`;
  try {
    return existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as SourceMapPayload) : undefined;
  } catch {
    // A stack is printed because something already went wrong: an unreadable map leaves the frame as it was.
    return undefined;
  }
}
