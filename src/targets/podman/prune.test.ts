// Which pods a re-apply removes: the env's pods of the group that the plan no longer has, never another
// env's, another checkout's env of the same name, another group's, or a pod without tarmac's labels.
import { describe, expect, it } from 'vitest';
import { envPodLabels } from './names.js';
import { podsToPrune } from './prune.js';

const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const ours = (group: string) => envPodLabels(id, 'run-1', group);

describe('podsToPrune', () => {
  it("removes only the group's own pods that left the plan", () => {
    const live = [
      { name: 'tarmac-demo-web-0', labels: ours('apps') },
      { name: 'tarmac-demo-web-1', labels: ours('apps') },
      { name: 'tarmac-demo-old', labels: ours('apps') },
      { name: 'tarmac-demo-db-0', labels: ours('data') },
      { name: 'tarmac-other-old', labels: envPodLabels({ env: 'other', project: id.project }, 'run-1', 'apps') },
      { name: 'tarmac-demo-b', labels: envPodLabels({ env: 'demo', project: 'bbbbbbbbbbbb' }, 'run-1', 'apps') },
      { name: 'tarmac-demo-handmade', labels: { 'io.tarmac.env': 'demo', 'io.tarmac.group': 'apps' } },
    ];
    expect(podsToPrune(live, id, 'apps', new Set(['tarmac-demo-web-0']))).toEqual([
      'tarmac-demo-old',
      'tarmac-demo-web-1',
    ]);
  });

  it('removes nothing when every pod is planned', () => {
    expect(podsToPrune([{ name: 'tarmac-demo-a', labels: ours('g') }], id, 'g', new Set(['tarmac-demo-a']))).toEqual(
      [],
    );
  });
});
