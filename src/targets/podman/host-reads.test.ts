// Side-by-side envs share the host reads (issue 17): networks created at once are checked with fewer `network ls`
// than networks, and never with a listing that started before a network's own create ended.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';
import { ensureNetwork } from './ensure.js';
import { hostReads } from './host-reads.js';
import { podmanCli } from './podman-cli.js';
import { StateStore, statePaths } from './state.js';

const newDir = tempDirs('podman-host-reads');

// A promise and its resolve.
function gate() {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// Waits until `condition` holds, turn by turn of the event loop (the fake podman answers in the loop's turns).
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('host reads shared by the envs of one run', () => {
  it('checks three networks created at once with two listings: the later two share the one after the first', async () => {
    const created: { name: string; labels: Record<string, string> }[] = [];
    const laterCreates = gate();
    const firstListing = gate();
    let listings = 0;
    const runner = fakeRunner(async (call) => {
      const [, verb, ...rest] = call.args;
      if (verb === 'create') {
        const name = rest.at(-1)!;
        // The second and third networks are made while the first's listing is in flight.
        if (name !== 'tarmac-a') await laterCreates.opened;
        const labels = Object.fromEntries(
          rest.flatMap((arg, i) => (rest[i - 1] === '--label' ? [arg.split('=') as [string, string]] : [])),
        );
        created.push({ name, labels });
        return {};
      }
      if (verb === 'ls') {
        listings += 1;
        const seen = created.map(({ name, labels }) => ({ name, labels, dns_enabled: true }));
        if (listings === 1) await firstListing.opened;
        return { stdout: JSON.stringify(seen) };
      }
      return { exitCode: 125, stderr: `Error: unexpected call ${call.args.join(' ')}` };
    });
    const engine = createPodmanEngine(runner);
    const ensure = (env: string) =>
      ensureNetwork(
        {
          cli: podmanCli(engine),
          id: { env, project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' },
          network: `tarmac-${env}`,
          reuse: 'healthy',
          store: new StateStore(statePaths(newDir()).file, env),
          teardown: () => Promise.resolve(),
          networkOnRecord: false,
          networks: hostReads(engine).networks,
        },
        AbortSignal.timeout(5000),
      );
    const all = Promise.all(['a', 'b', 'c'].map(ensure));
    await until(() => listings === 1);
    laterCreates.open();
    await until(() => created.length === 3);
    firstListing.open();
    const results = await all;
    expect(results.map((r) => r.action)).toEqual(['created', 'created', 'created']);
    // The first listing was read before b and c existed: they were checked by the second, not given the first.
    expect(listings).toBe(2);
    expect(runner.calls.filter((c) => c.args[1] === 'inspect')).toEqual([]);
  });
});
