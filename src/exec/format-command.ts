// Renders an argv for people: `podman build -t 'my tag' .`

const SAFE = /^[\w@%+=:,./-]+$/;

/** Quotes an argument only when a shell would need it (for display; nothing is run through a shell). */
export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The command line of `cmd args...` as one display string. */
export function formatCommand(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].map(quoteArg).join(' ');
}
