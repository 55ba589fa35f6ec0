// Runs triage scenarios with shared kits: one busybox base, the podman and kind project kits, and every cleanup
// afterwards (in reverse order). Used by the record script and by the e2e files that keep a scenario for wiring.
import { execa } from 'execa';
import { kindScenarios } from '../e2e/triage-kind-kit.js';
import { buildBase, scenarioProjects } from '../e2e/triage-scenario-kit.js';
import { ENGINE_SCENARIOS } from './engine-scenarios.js';
import { KIND_SCENARIOS } from './kind-scenarios.js';
import { PODMAN_SCENARIOS } from './podman-scenarios.js';
import type { ScenarioKits, TriageScenario } from './scenario.js';
import { SEED_SCENARIO } from './seed-scenario.js';

/** Every recorded scenario, by recording name. */
export const ALL_SCENARIOS: readonly TriageScenario[] = [
  ...PODMAN_SCENARIOS,
  ...ENGINE_SCENARIOS,
  SEED_SCENARIO,
  ...KIND_SCENARIOS,
];

/**
 * Kits for one run of scenarios (`kind: false`: no kind base image). `settle` ends and removes what the scenarios
 * made so far (call it between scenarios: a killed engine's leftovers must not meet the next one); `close` settles
 * and removes the base images.
 */
export async function openKits(
  tag: string,
  opts: { kind?: boolean } = {},
): Promise<{ kits: ScenarioKits; settle: () => Promise<void>; close: () => Promise<void> }> {
  const label = `io.tarmac.test=${tag}-${process.pid}`;
  const base = `localhost/tarmac-${tag}-${process.pid}:busybox`;
  await buildBase(base, label);
  const kind = kindScenarios(`${tag}-kind`);
  if (opts.kind !== false) await kind.setup();
  const podman = scenarioProjects(base);
  const cleanups: (() => Promise<void> | void)[] = [];
  const kits: ScenarioKits = { base, label, podman, kind, defer: (c) => void cleanups.push(c) };
  const settle = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await podman.removeAll();
    await kind.removeProjects();
  };
  return {
    kits,
    settle,
    async close() {
      await settle();
      await kind.cleanup();
      await execa('podman', ['rmi', '-f', base], { reject: false });
    },
  };
}
