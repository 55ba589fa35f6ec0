// The seed's own case end to end: the engine (a real `podman system service`) is SIGKILLed during three parallel
// builds; the kind cluster (stand-in, real podman node container) stays listed but its node container is down and
// its API refuses connections. tarmac's automatic triage must reach the seed's conclusions within the budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unmet } from '../triage-scenarios/expectation.js';
import { openKits } from '../triage-scenarios/run-scenarios.js';
import type { ScenarioKits } from '../triage-scenarios/scenario.js';
import { SEED_SCENARIO } from '../triage-scenarios/seed-scenario.js';
import { triageOf, verdictDelayMs } from './triage-scenario-kit.js';

/**
 * The product's promise: a verdict within 15 s of the failure. Generous on purpose: the collection itself stops at
 * 11 s by construction (COLLECT_DEADLINE_MS, a timed-out collector's retry included), and the rest (journal, rules,
 * writing) takes well under a second, so only a machine starved for seconds could miss it.
 */
const VERDICT_BUDGET_MS = 15_000;
let kits: ScenarioKits;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ kits, close } = await openKits('triage-seed', { kind: false }));
});
afterAll(() => close());

describe('the seed: engine crash during parallel builds, kind node down, API refused', () => {
  it("the triage puts the engine crash on top, with the dead cluster as its evidence and the seed's actions, within 15 s", async () => {
    const out = await SEED_SCENARIO.run(kits);
    expect(out.exitCode, out.output).toBe(4);
    const { events, triage } = triageOf(out.runDir);
    expect(
      events.some((e) => e.type === 'incident' && e.kind === 'engine-crash'),
      JSON.stringify(events.filter((e) => e.type !== 'resource')),
    ).toBe(true);
    expect(triage, 'triage.json').toBeDefined();
    expect(unmet(triage!, out.expect), JSON.stringify(triage, null, 1)).toEqual([]);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(VERDICT_BUDGET_MS);
  });
});
