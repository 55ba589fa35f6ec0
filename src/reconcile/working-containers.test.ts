import { describe, expect, it } from 'vitest';
import { attributeContainers, fromEnvImage, parseWorkingContainers, type SuspectRun } from './working-containers.js';

// Recorded `podman ps -a --external --format json` rows (podman 4.3.1) after a build was killed with its podman.
const PS = JSON.stringify([
  {
    Id: '30351d9acc88f56fc4dd51f0537a7d4acf342281608c0cb913c9913a1991faa4',
    Image: 'localhost/base:tm-20bcb35eab79',
    ImageID: 'f2e96402eaddc1870757430c6d04173320bc9438154b8eb48be9835893f1e833',
    Names: ['base-working-container'],
    State: 'storage',
    Created: 1795892862,
  },
  {
    Id: '925201583dcf95753d3c88a7c83e26a52aa6c3b82fa39b12edc74a175330acb3',
    Image: 'docker.io/library/7afceae810c9b3b1055a3ecb6f6369128eb4f914d9a53583b71bcaec44b73a4a-tmp:latest',
    ImageID: '876f9d5a6969c517dd12ae8f3f3c09b5a1f14b24d68cae9e41f9e56db6ec5420',
    Names: ['876f9d5a6969-working-container'],
    State: 'storage',
    Created: 1795892862,
  },
  {
    Id: 'aaaa',
    Image: 'localhost/other:tm-0123456789ab',
    ImageID: 'bbbb',
    Names: ['other-working-container-1'],
    State: 'storage',
    Created: 1795892862,
  },
  { Id: 'cccc', Image: 'localhost/web:latest', ImageID: 'dddd', Names: ['web'], State: 'running', Created: 1795892862 },
]);

const startedAt = 1795892800_000;
const run = (over: Partial<SuspectRun> = {}): SuspectRun => ({
  id: 'r1',
  startedAt,
  lastSignAt: 1795892870_000,
  traces: { layerIds: ['876f9d5a696'], fromRefs: ['localhost/base:tm-20bcb35eab79'] },
  ...over,
});

describe('parseWorkingContainers', () => {
  it('keeps only buildah working containers, with times in ms', () => {
    const containers = parseWorkingContainers(PS);
    expect(containers.map((c) => c.name)).toEqual([
      'base-working-container',
      '876f9d5a6969-working-container',
      'other-working-container-1',
    ]);
    expect(containers[0]?.createdAt).toBe(1795892862_000);
    expect(parseWorkingContainers('')).toEqual([]);
  });
});

describe('attributeContainers', () => {
  const containers = parseWorkingContainers(PS);

  it('attributes by layer id and by FROM reference of a run that lived then', () => {
    const { attributed, unattributed } = attributeContainers(containers, [run()]);
    expect(attributed.map((a) => [a.container.name, a.runId])).toEqual([
      ['base-working-container', 'r1'],
      ['876f9d5a6969-working-container', 'r1'],
    ]);
    expect(attributed[1]?.why).toMatch(/layer 876f9d5a696 is in the build log of run r1/);
    expect(unattributed.map((c) => c.name)).toEqual(['other-working-container-1']);
  });

  it('never attributes a container created outside the run lifetime, whatever the logs say', () => {
    const later = attributeContainers(containers, [run({ lastSignAt: startedAt + 1000 })]);
    expect(later.attributed).toEqual([]);
    const earlier = attributeContainers(containers, [run({ startedAt: 1795892900_000, lastSignAt: 1795892990_000 })]);
    expect(earlier.attributed).toEqual([]);
  });

  it('leaves everything alone without evidence in the logs', () => {
    expect(
      attributeContainers(containers, [run({ traces: { layerIds: ['0123456789a'], fromRefs: [] } })]).attributed,
    ).toEqual([]);
  });
});

describe('fromEnvImage', () => {
  it('matches working containers made from the env images only', () => {
    const [base, layer, other] = parseWorkingContainers(PS);
    expect(fromEnvImage(base!, ['base', 'api'])).toBe(true);
    expect(fromEnvImage(layer!, ['base'])).toBe(false);
    expect(fromEnvImage(other!, ['base'])).toBe(false);
  });
});
