// What the real-podman benches share: the podman settings this machine needs, and a throwaway copy of
// examples/aianalysis with its own env and cluster name.
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const root = new URL('..', import.meta.url).pathname;

/** CONTAINERS_CONF as given, else as scripts/podman-conf.mjs finds this machine needs it (or nothing). */
export async function podmanEnv(): Promise<Record<string, string>> {
  if (process.env.CONTAINERS_CONF) return { CONTAINERS_CONF: process.env.CONTAINERS_CONF };
  const line = (await execa('node', [join(root, 'scripts/podman-conf.mjs')], { cwd: root })).stdout.trim();
  return line.startsWith('CONTAINERS_CONF=') ? { CONTAINERS_CONF: line.slice('CONTAINERS_CONF='.length) } : {};
}

/**
 * A copy of the example in the temp dir named for env `name` (its cluster `<name>-e2e`). `podman` pins the podman
 * target; `cold` puts a nonce in the base context, so nothing of it is cached.
 */
export function copyExample(
  name: string,
  opts: { podman?: boolean; cold?: boolean } = {},
): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${name}-`));
  cpSync(join(root, 'examples/aianalysis'), dir, { recursive: true, filter: (src) => !src.includes('/.tarmac') });
  const file = join(dir, 'tarmac.yaml');
  let config = readFileSync(file, 'utf8')
    .replace(/^name: .*$/m, `name: ${name}`)
    .replace(/^ {2}name: aianalysis-e2e$/m, `  name: ${name}-e2e`);
  if (opts.podman) {
    config = config.replace(/^ {2}target: auto$/m, '  target: podman');
    if (!config.includes('target: podman')) throw new Error('could not set cluster.target: podman in the example copy');
  }
  writeFileSync(file, config);
  if (opts.cold) writeFileSync(join(dir, 'base', '.bench-nonce'), `${name}-${randomBytes(4).toString('hex')}`);
  return { dir, file };
}

/** `tarmac down` on the project `file` (env `name`), then removes the images built for that env (by its env label). */
export async function downAndRemoveImages(file: string, name: string, env: Record<string, string>): Promise<void> {
  await execa('node', [join(root, 'bin/tarmac.js'), 'down', '-f', file], {
    env: { ...env, CI: 'true' },
    reject: false,
  });
  const ids = (
    await execa('podman', ['images', '-q', '--filter', `label=io.tarmac.env=${name}`], { env, reject: false })
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length > 0) await execa('podman', ['rmi', '-f', ...new Set(ids)], { env, reject: false });
}
