// Where a `tarmac up` spends its time, from process start to exit: every journal event with its offset.
// Run: npm run build && npx tsx bench/up-timeline.ts <dir with tarmac.yaml> [extra up args...]
// (Runs `tarmac up --no-test --json` once; use it on an env that is already up to profile a warm run.)
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Piped into `head`, the reader may close early: that is not an error of the profile.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const [dir, ...extra] = process.argv.slice(2);
if (!dir) throw new Error('usage: up-timeline.ts <dir> [up args]');
const conf = (await execa('node', [join(root, 'scripts/podman-conf.mjs')])).stdout.trim();
const env = conf.startsWith('CONTAINERS_CONF=') ? { CONTAINERS_CONF: conf.slice('CONTAINERS_CONF='.length) } : {};
const spawnedAt = Date.now();
const r = await execa(
  'node',
  [join(root, 'bin/tarmac.js'), 'up', '--no-test', '--json', '-f', join(dir, 'tarmac.yaml'), ...extra],
  { env: { ...env, CI: 'true' }, reject: false },
);
const exitedAt = Date.now();
if (r.exitCode !== 0) throw new Error(r.stderr.slice(-3000));
const { journal } = JSON.parse(r.stdout) as { journal: string };
const events = readFileSync(join(journal, 'events.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const at = (ms: number): string => `${((ms - spawnedAt) / 1000).toFixed(2).padStart(6)} s`;
console.log(`${at(spawnedAt)}  process spawned`);
for (const e of events) {
  const what = [e.type, e.stepId, e.state, e.message, e.durationMs === undefined ? undefined : `${e.durationMs} ms`]
    .filter((x) => x !== undefined)
    .join(' ');
  console.log(`${at(Number(e.at))}  ${what.slice(0, 160)}`);
}
console.log(`${at(exitedAt)}  process exited`);
