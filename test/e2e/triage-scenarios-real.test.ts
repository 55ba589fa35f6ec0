// One triage scenario end to end on real podman (podman target), for the wiring: `tarmac up` fails at deploy, the
// automatic triage prints its verdict, writes triage.json, triage.md and the input it read, and the verdict comes
// within the budget. Every other scenario is replayed from its recording (test/triage-recorded.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTriageInput, TRIAGE_INPUT_FILE } from '../../src/triage/triage-input-file.js';
import { unmet } from '../triage-scenarios/expectation.js';
import { PODMAN_SCENARIOS } from '../triage-scenarios/podman-scenarios.js';
import { openKits } from '../triage-scenarios/run-scenarios.js';
import type { ScenarioKits } from '../triage-scenarios/scenario.js';
import { triageOf, verdictDelayMs } from './triage-scenario-kit.js';

/**
 * The product's promise: a verdict within 15 s of the failure. Generous on purpose: the collection itself stops at
 * 11 s by construction (COLLECT_DEADLINE_MS, a timed-out collector's retry included), and the rest (journal, rules,
 * writing) takes well under a second, so only a machine starved for seconds could miss it.
 */
const VERDICT_BUDGET_MS = 15_000;
const scenario = PODMAN_SCENARIOS.find((s) => s.name === 'image-not-local')!;
let kits: ScenarioKits;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ kits, close } = await openKits('triage-real', { kind: false }));
});
afterAll(() => close());

describe('triage after a failed up, end to end (real podman)', () => {
  it('a manifest image that does not exist: the verdict is printed and written, within the budget', async () => {
    const out = await scenario.run(kits);
    expect(out.exitCode, out.output).toBe(4);
    expect(out.output).toMatch(/^triage: /m);
    expect(out.output).toContain(join(out.runDir, 'triage.md'));
    const { events, triage } = triageOf(out.runDir);
    expect(triage, 'triage.json').toBeDefined();
    expect(unmet(triage!, out.expect)).toEqual([]);
    expect(existsSync(join(out.runDir, 'triage.md'))).toBe(true);
    // The stored input replays to the same verdict.
    expect(existsSync(join(out.runDir, TRIAGE_INPUT_FILE))).toBe(true);
    expect(readTriageInput(out.runDir).run.events.length).toBe(events.length);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(VERDICT_BUDGET_MS);
  });
});
