// tarmac's version, read once from package.json next to the compiled code.
import { readFileSync } from 'node:fs';

/** The version string of this tarmac. */
export function tarmacVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
