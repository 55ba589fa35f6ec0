// A quick free-space check for `tarmac doctor`-style rows: engine storage and temp against disk.minFree,
// without listing images (the full guard before builds is guard.ts).
import type { ContainerEngine } from '../engines/types.js';
import { DEFAULT_MIN_FREE_BYTES } from '../config/disk-schema.js';
import { formatSize } from '../config/size.js';
import type { MountCheck } from './assess.js';
import { diskMounts } from './guard.js';

export interface DiskCheck {
  ok: boolean;
  /** One line: `engine storage /var/lib/containers/storage 79.0 GiB free, temp /tmp 79.0 GiB free (want 2.0 GiB)`. */
  line: string;
  mounts: MountCheck[];
}

/** Free space at the engine's storage and at temp vs `minFreeBytes` (default 2 GiB); never throws for a mount it cannot measure (it says so). */
export async function checkDiskSpace(
  engine: ContainerEngine,
  processEnv: NodeJS.ProcessEnv,
  minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  signal?: AbortSignal,
): Promise<DiskCheck> {
  const { mounts, notes } = await diskMounts(engine, processEnv, signal);
  const ok = mounts.length > 0 && mounts.every((m) => m.freeBytes >= minFreeBytes);
  const parts = mounts.map(
    (m) => `${m.label} ${m.path} ${formatSize(m.freeBytes)} free${m.freeBytes < minFreeBytes ? ' (LOW)' : ''}`,
  );
  return {
    ok,
    line: `${[...parts, ...notes.map((n) => n.replace(/^disk: /, ''))].join(', ')} (want ${formatSize(minFreeBytes)})`,
    mounts,
  };
}
