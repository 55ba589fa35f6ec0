// Test support for registry mode: a real podman adapter over a fake CommandRunner that simulates an image
// store and a registry in memory, and a fake tag lookup reading the same registry.
import { createPodmanEngine } from '../engines/podman.js';
import type { CliEngine } from '../engines/cli-engine.js';
import { fakeRunner, type FakeRunner } from '../exec/fake-runner.test-kit.js';
import type { TagLookup } from './transfer.js';

export interface FakeWorld {
  engine: CliEngine;
  runner: FakeRunner;
  /** Refs in the local image store. */
  local: Set<string>;
  /** Refs the registry has. */
  registry: Set<string>;
  hasTag: TagLookup;
  /** Every ref the tag lookup was asked about, in order. */
  lookups: string[];
  /** podman verbs run, with their last argument: e.g. `pull 127.0.0.1:5000/team/base:tm-1`. */
  verbs(): string[];
}

/** A world where pull copies a registry ref into the store and push copies a stored ref into the registry. */
export function fakeWorld(init: { local?: string[]; registry?: string[]; pushIsLost?: boolean } = {}): FakeWorld {
  const local = new Set(init.local);
  const registry = new Set(init.registry);
  const lookups: string[] = [];
  const runner = fakeRunner(({ args }) => {
    const ref = args[args.length - 1] ?? '';
    if (args[0] === 'image' && args[1] === 'exists') return { exitCode: local.has(ref) ? 0 : 1 };
    if (args[0] === 'pull') {
      if (!registry.has(ref))
        return {
          exitCode: 125,
          stderr: `Error: initializing source docker://${ref}: reading manifest: manifest unknown`,
        };
      local.add(ref);
      return { stdout: 'Writing manifest to image destination' };
    }
    if (args[0] === 'push') {
      if (!local.has(ref)) return { exitCode: 125, stderr: `Error: ${ref}: image not known` };
      // A push that "succeeds" without the registry keeping the tag, to test verification.
      if (!init.pushIsLost) registry.add(ref);
      return { stdout: 'Writing manifest to image destination' };
    }
    throw new Error(`unexpected podman call: ${args.join(' ')}`);
  });
  const hasTag: TagLookup = (ref) => {
    lookups.push(ref);
    return Promise.resolve(registry.has(ref));
  };
  const verbs = (): string[] =>
    runner.calls.filter((c) => c.args[0] !== 'image').map((c) => `${c.args[0]} ${c.args[c.args.length - 1]}`);
  return { engine: createPodmanEngine(runner), runner, local, registry, hasTag, lookups, verbs };
}
