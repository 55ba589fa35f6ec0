// Disk evidence: free space at the engine's image store, the temp dirs builds and saves write to, and
// tarmac's state dir (fs.statfs; a path that does not exist yet is measured at its nearest existing parent).
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiskFacts } from '../types.js';
import type { CollectContext, Collector } from './context.js';
import { RawLog } from './raw-log.js';

type Mount = DiskFacts['mounts'][number];

/** How long disk waits for `info` to name the storage root before it uses the default one. */
const INFO_WAIT_MS = 2_500;

/** statfs of the engine storage, temp dirs and state dir. */
export const diskCollector: Collector<DiskFacts> = {
  name: 'disk',
  applies: () => true,
  async collect(ctx) {
    const raw = new RawLog();
    const { graphRoot, tmpDir } = await storagePaths(ctx);
    const wanted: { label: Mount['label']; path: string }[] = [
      { label: 'engine storage', path: graphRoot },
      { label: 'temp', path: tmpdir() },
    ];
    if (tmpDir && tmpDir !== tmpdir()) wanted.push({ label: 'temp', path: tmpDir });
    if (ctx.env) wanted.push({ label: 'state', path: ctx.env.stateDir });
    const mounts: Mount[] = [];
    for (const { label, path } of wanted) {
      const at = existing(path);
      const stats = await statfs(at);
      const mount = { label, path, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
      raw.note(
        `statfs ${at}${at === path ? '' : ` (for ${path})`}: ${mount.freeBytes} bytes free of ${mount.totalBytes}`,
      );
      mounts.push(mount);
    }
    return { data: { mounts }, raw: raw.text() };
  },
};

/** The engine's storage root and temp dir from `info`, else the engine's defaults. */
async function storagePaths(ctx: CollectContext): Promise<{ graphRoot: string; tmpDir?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), INFO_WAIT_MS)));
  try {
    const info = await Promise.race([ctx.engineInfo().catch(() => undefined), giveUp]);
    const tmp = (info?.raw as { store?: { imageCopyTmpDir?: unknown } } | undefined)?.store?.imageCopyTmpDir;
    if (info?.storageRoot) return { graphRoot: info.storageRoot, ...(typeof tmp === 'string' ? { tmpDir: tmp } : {}) };
  } finally {
    clearTimeout(timer);
  }
  return { graphRoot: defaultGraphRoot(ctx.engine?.name ?? 'podman', process.getuid?.() === 0) };
}

/** Where the engine keeps images by default. */
export function defaultGraphRoot(engine: 'podman' | 'docker', root: boolean): string {
  if (engine === 'docker') return '/var/lib/docker';
  return root ? '/var/lib/containers/storage' : join(homedir(), '.local/share/containers/storage');
}

/** The path itself or its nearest existing parent. */
function existing(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}
