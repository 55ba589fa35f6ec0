// PURE: free space at the engine's storage and at temp vs the expected need -> warning lines that
// name what to prune (tarmac's own dangling and superseded images, with sizes and exact commands).
import type { ImageInfo } from '../engines/types.js';
import { LABEL_ENV, LABEL_IMAGE } from '../engines/labels.js';
import { formatSize } from '../config/size.js';

export interface MountCheck {
  label: 'engine storage' | 'temp';
  path: string;
  freeBytes: number;
}

export interface DiskInput {
  envName: string;
  imageNames: string[];
  /** Engine CLI, for the commands printed (`podman image rm ...`). */
  engineBin: string;
  mounts: MountCheck[];
  minFreeBytes: number;
  /** Every image with io.tarmac.managed=true the engine holds. */
  tarmacImages: ImageInfo[];
  /** Latest known size per image name from run history, when it has them. */
  historySizes?: ReadonlyMap<string, number>;
  now: number;
}

export interface PruneCandidate {
  id: string;
  sizeBytes: number;
  /** `dangling` (untagged) or `superseded` (an older build of an image of this env). */
  why: 'dangling' | 'superseded';
  /** Tags (for superseded) or the image name label (for dangling). */
  name: string;
  ageMs?: number;
}

export interface DiskAssessment {
  needBytes: number;
  /** Where the need came from, for the warning: history, engine sizes or disk.minFree. */
  needBasis: string;
  low: MountCheck[];
  candidates: PruneCandidate[];
  /** The warning, one line each; empty when there is enough room everywhere. */
  lines: string[];
}

/** Compares free space with the expected need; lists prune candidates and commands when low. */
export function assessDisk(input: DiskInput): DiskAssessment {
  const { needBytes, needBasis } = expectedNeed(input);
  const low = input.mounts.filter((m) => m.freeBytes < needBytes);
  const candidates = pruneCandidates(input);
  if (low.length === 0) return { needBytes, needBasis, low, candidates, lines: [] };
  const lines = low.map(
    (m) =>
      `disk: low free space at ${m.label} ${m.path}: ${formatSize(m.freeBytes)} free, expected need ${formatSize(needBytes)} (${needBasis})`,
  );
  if (candidates.length === 0) {
    lines.push(
      'disk: tarmac holds no dangling or superseded images to prune; free space outside tarmac (other images: `podman system df`), or lower disk.minFree',
    );
  } else {
    const total = candidates.reduce((sum, c) => sum + c.sizeBytes, 0);
    lines.push(`disk: tarmac's own images that can go (${formatSize(total)} in all):`);
    for (const c of candidates.slice(0, 10))
      lines.push(
        `disk:   ${c.id.slice(0, 12)} ${formatSize(c.sizeBytes).padStart(9)} ${c.why} ${c.name}${c.ageMs !== undefined ? `, ${days(c.ageMs)} old` : ''}`,
      );
    if (candidates.length > 10) lines.push(`disk:   … and ${candidates.length - 10} more`);
    lines.push(`disk: remove them: ${input.engineBin} image rm ${candidates.map((c) => c.id.slice(0, 12)).join(' ')}`);
  }
  lines.push(
    'disk: or let tarmac prune its dangling images on its own: set disk.prune.danglingOlderThan (e.g. "7d") in tarmac.yaml',
  );
  return { needBytes, needBasis, low, candidates, lines };
}

/** The need: the larger of disk.minFree and the env's image sizes (history first, then the engine's images). */
export function expectedNeed(
  input: Pick<DiskInput, 'envName' | 'imageNames' | 'minFreeBytes' | 'tarmacImages' | 'historySizes'>,
): { needBytes: number; needBasis: string } {
  const fromHistory = sumKnown(input.imageNames, input.historySizes);
  const engineSizes = new Map(
    newestPerName(input.tarmacImages.filter((i) => i.labels[LABEL_ENV] === input.envName)).map((i) => [
      i.labels[LABEL_IMAGE] ?? '',
      i.sizeBytes,
    ]),
  );
  const fromEngine = sumKnown(input.imageNames, engineSizes);
  const [source, known] =
    fromHistory.count > 0 ? ['run history', fromHistory] : ["this env's images in the engine", fromEngine];
  const minText = `disk.minFree ${formatSize(input.minFreeBytes)}`;
  if (known.count === 0) return { needBytes: input.minFreeBytes, needBasis: `${minText}; no image sizes known yet` };
  if (known.bytes <= input.minFreeBytes)
    return {
      needBytes: input.minFreeBytes,
      needBasis: `${minText}, above the ${formatSize(known.bytes)} of ${known.count} image(s) from ${source}`,
    };
  return {
    needBytes: known.bytes,
    needBasis: `${known.count} image(s) total ${formatSize(known.bytes)} from ${source}, above ${minText}`,
  };
}

/** Dangling tarmac images (any env) and older builds of this env's images, largest first. */
export function pruneCandidates(input: Pick<DiskInput, 'envName' | 'tarmacImages' | 'now'>): PruneCandidate[] {
  const age = (i: ImageInfo) => (i.created ? Math.max(0, input.now - Date.parse(i.created)) : undefined);
  const withAge = (i: ImageInfo, c: Omit<PruneCandidate, 'ageMs'>): PruneCandidate => {
    const a = age(i);
    return a === undefined || Number.isNaN(a) ? c : { ...c, ageMs: a };
  };
  const dangling = input.tarmacImages
    .filter((i) => i.tags.length === 0)
    .map((i) =>
      withAge(i, {
        id: i.id,
        sizeBytes: i.sizeBytes,
        why: 'dangling',
        name: i.labels[LABEL_IMAGE] ?? i.labels[LABEL_ENV] ?? 'untagged',
      }),
    );
  const tagged = input.tarmacImages.filter((i) => i.tags.length > 0 && i.labels[LABEL_ENV] === input.envName);
  const newest = new Set(newestPerName(tagged).map((i) => i.id));
  const superseded = tagged
    .filter((i) => !newest.has(i.id))
    .map((i) => withAge(i, { id: i.id, sizeBytes: i.sizeBytes, why: 'superseded', name: i.tags.join(',') }));
  return [...dangling, ...superseded].sort((a, b) => b.sizeBytes - a.sizeBytes);
}

/** Dangling tarmac images created more than `olderThanMs` ago: what the prune policy removes. */
export function danglingOlderThan(images: ImageInfo[], olderThanMs: number, now: number): ImageInfo[] {
  return images.filter(
    (i) => i.tags.length === 0 && i.created !== undefined && now - Date.parse(i.created) > olderThanMs,
  );
}

function newestPerName(images: ImageInfo[]): ImageInfo[] {
  const byName = new Map<string, ImageInfo>();
  for (const i of images) {
    const name = i.labels[LABEL_IMAGE];
    if (name === undefined) continue;
    const seen = byName.get(name);
    if (!seen || Date.parse(i.created ?? '') > Date.parse(seen.created ?? '')) byName.set(name, i);
  }
  return [...byName.values()];
}

function sumKnown(names: string[], sizes: ReadonlyMap<string, number> | undefined): { bytes: number; count: number } {
  let bytes = 0;
  let count = 0;
  for (const n of names) {
    const s = sizes?.get(n);
    if (s !== undefined) {
      bytes += s;
      count += 1;
    }
  }
  return { bytes, count };
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  return d >= 1 ? `${Math.floor(d)}d` : `${Math.floor(ms / 3_600_000)}h`;
}
