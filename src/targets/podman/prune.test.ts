// Which pods a re-apply removes: the env's pods of the group that the plan no longer has, never another
// env's, another group's, or a pod without tarmac's labels.
import { describe, expect, it } from 'vitest';
import { envPodLabels } from './names.js';
import { podsToPrune } from './prune.js';

const ours = (group: string) => envPodLabels('demo', 'run-1', group);

describe('podsToPrune', () => {
  it("removes only the group's own pods that left the plan", () => {
    const live = [
      { name: 'tarmac-demo-web-0', labels: ours('apps') },
      { name: 'tarmac-demo-web-1', labels: ours('apps') },
      { name: 'tarmac-demo-old', labels: ours('apps') },
      { name: 'tarmac-demo-db-0', labels: ours('data') },
      { name: 'tarmac-other-old', labels: envPodLabels('other', 'run-1', 'apps') },
      { name: 'tarmac-demo-handmade', labels: { 'io.tarmac.env': 'demo', 'io.tarmac.group': 'apps' } },
    ];
    expect(podsToPrune(live, 'demo', 'apps', new Set(['tarmac-demo-web-0']))).toEqual([
      'tarmac-demo-old',
      'tarmac-demo-web-1',
    ]);
  });

  it('removes nothing when every pod is planned', () => {
    expect(
      podsToPrune([{ name: 'tarmac-demo-a', labels: ours('g') }], 'demo', 'g', new Set(['tarmac-demo-a'])),
    ).toEqual([]);
  });
});
