import { describe, expect, it } from 'vitest';
import type { ImageInfo } from '../engines/types.js';
import { assessDisk, danglingOlderThan, expectedNeed, pruneCandidates } from './assess.js';

const MiB = 1024 ** 2;
const NOW = Date.parse('2025-03-10T12:00:00Z');
const image = (
  id: string,
  over: Partial<ImageInfo> & { env?: string; name?: string; daysOld?: number },
): ImageInfo => ({
  id: id.padEnd(64, '0'),
  tags: over.tags ?? [],
  sizeBytes: over.sizeBytes ?? 10 * MiB,
  labels: {
    'io.tarmac.managed': 'true',
    ...(over.env ? { 'io.tarmac.env': over.env } : {}),
    ...(over.name ? { 'io.tarmac.image': over.name } : {}),
  },
  created: new Date(NOW - (over.daysOld ?? 0) * 86_400_000).toISOString(),
});

const images = [
  image('aaa', { env: 'shop', name: 'api', tags: ['localhost/api:tm-new'], sizeBytes: 300 * MiB, daysOld: 1 }),
  image('bbb', { env: 'shop', name: 'api', tags: ['localhost/api:tm-old'], sizeBytes: 290 * MiB, daysOld: 9 }),
  image('ccc', { env: 'shop', name: 'web', tags: ['localhost/web:tm-1'], sizeBytes: 100 * MiB, daysOld: 2 }),
  image('ddd', { env: 'other', name: 'x', sizeBytes: 50 * MiB, daysOld: 10 }),
  image('eee', { env: 'shop', name: 'api', sizeBytes: 5 * MiB, daysOld: 3 }),
  image('fff', { env: 'other', name: 'y', tags: ['localhost/y:tm-2'], sizeBytes: 999 * MiB, daysOld: 30 }),
];

describe('expectedNeed', () => {
  it('falls back to disk.minFree and says so when no sizes are known', () => {
    expect(
      expectedNeed({ envName: 'new', imageNames: ['api'], minFreeBytes: 2048 * MiB, tarmacImages: images }),
    ).toEqual({
      needBytes: 2048 * MiB,
      needBasis: 'disk.minFree 2.0 GiB; no image sizes known yet',
    });
  });

  it('uses the newest build of each env image in the engine when larger than the minimum', () => {
    const need = expectedNeed({
      envName: 'shop',
      imageNames: ['api', 'web'],
      minFreeBytes: 100 * MiB,
      tarmacImages: images,
    });
    expect(need.needBytes).toBe(400 * MiB);
    expect(need.needBasis).toBe(
      "2 image(s) total 400.0 MiB from this env's images in the engine, above disk.minFree 100.0 MiB",
    );
  });

  it('prefers history sizes', () => {
    const need = expectedNeed({
      envName: 'shop',
      imageNames: ['api'],
      minFreeBytes: MiB,
      tarmacImages: images,
      historySizes: new Map([['api', 700 * MiB]]),
    });
    expect(need).toEqual({
      needBytes: 700 * MiB,
      needBasis: '1 image(s) total 700.0 MiB from run history, above disk.minFree 1.0 MiB',
    });
  });
});

describe('pruneCandidates', () => {
  it('lists dangling tarmac images of any env and superseded builds of this env only, largest first', () => {
    const found = pruneCandidates({ envName: 'shop', tarmacImages: images, now: NOW });
    expect(found.map((c) => [c.id.slice(0, 3), c.why])).toEqual([
      ['bbb', 'superseded'],
      ['ddd', 'dangling'],
      ['eee', 'dangling'],
    ]);
    expect(found[0]?.ageMs).toBe(9 * 86_400_000);
  });
});

describe('danglingOlderThan', () => {
  it('keeps only untagged images older than the policy', () => {
    expect(danglingOlderThan(images, 7 * 86_400_000, NOW).map((i) => i.id.slice(0, 3))).toEqual(['ddd']);
  });
});

describe('assessDisk', () => {
  const base = {
    envName: 'shop',
    imageNames: ['api', 'web'],
    engineBin: 'podman',
    minFreeBytes: 100 * MiB,
    tarmacImages: images,
    now: NOW,
  };

  it('says nothing when every mount has room', () => {
    const r = assessDisk({ ...base, mounts: [{ label: 'temp', path: '/tmp', freeBytes: 10_000 * MiB }] });
    expect(r.lines).toEqual([]);
    expect(r.low).toEqual([]);
  });

  it('names the low mount, the need, what to prune with sizes and the exact command', () => {
    const r = assessDisk({
      ...base,
      mounts: [
        { label: 'temp', path: '/small', freeBytes: 30 * MiB },
        { label: 'engine storage', path: '/big', freeBytes: 10_000 * MiB },
      ],
    });
    expect(r.lines).toEqual([
      "disk: low free space at temp /small: 30.0 MiB free, expected need 400.0 MiB (2 image(s) total 400.0 MiB from this env's images in the engine, above disk.minFree 100.0 MiB)",
      "disk: tarmac's own images that can go (345.0 MiB in all):",
      'disk:   bbb000000000 290.0 MiB superseded localhost/api:tm-old, 9d old',
      'disk:   ddd000000000  50.0 MiB dangling x, 10d old',
      'disk:   eee000000000   5.0 MiB dangling api, 3d old',
      'disk: remove them: podman image rm bbb000000000 ddd000000000 eee000000000',
      'disk: or let tarmac prune its dangling images on its own: set disk.prune.danglingOlderThan (e.g. "7d") in tarmac.yaml',
    ]);
  });

  it('says when tarmac has nothing to prune', () => {
    const r = assessDisk({
      ...base,
      tarmacImages: [],
      mounts: [{ label: 'engine storage', path: '/s', freeBytes: 1 }],
    });
    expect(r.lines[1]).toMatch(/^disk: tarmac holds no dangling or superseded images to prune/);
  });
});
