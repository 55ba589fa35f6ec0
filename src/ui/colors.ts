// Minimal ANSI styling that honours NO_COLOR and non-TTY outputs.

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

/** Colors for a stream: none when NO_COLOR is set (any value, per no-color.org) or the stream is not a TTY. */
export function colorsFor(isTTY: boolean, env: NodeJS.ProcessEnv): Colors {
  const enabled = isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  if (!enabled) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain, cyan: plain };
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    cyan: wrap(36, 39),
  };
}
