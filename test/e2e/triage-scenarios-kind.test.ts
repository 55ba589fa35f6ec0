// One kind workload scenario end to end (kind/kubectl stand-ins on real podman), for the wiring of the kind
// collectors: a ServiceAccount no manifest defines leaves no pod at all, only a ReplicaSet FailedCreate event, and
// the triage must still name it within the budget. Also: a kindConfig that does not exist is a config error before
// any run. Every other kind scenario is replayed from its recording (test/triage-recorded.test.ts).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unmet } from '../triage-scenarios/expectation.js';
import { MISSING_SERVICEACCOUNT } from '../triage-scenarios/kind-scenarios.js';
import { openKits } from '../triage-scenarios/run-scenarios.js';
import type { ScenarioKits } from '../triage-scenarios/scenario.js';
import { triageOf, up, verdictDelayMs } from './triage-scenario-kit.js';

/**
 * The product's promise: a verdict within 15 s of the failure. Generous on purpose: the collection itself stops at
 * 11 s by construction (COLLECT_DEADLINE_MS, a timed-out collector's retry included), and the rest (journal, rules,
 * writing) takes well under a second, so only a machine starved for seconds could miss it.
 */
const VERDICT_BUDGET_MS = 15_000;
let kits: ScenarioKits;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ kits, close } = await openKits('triage-kind'));
});
afterAll(() => close());

describe('triage on the kind path (stand-ins, real podman)', () => {
  // Re-enabled: the stand-in's `kubectl get pods` once missed the collector's 4 s budget (two kubectl processes per
  // read, each with a ps, an inspect and an exec); the kind target now reads pods and events with one kubectl, and
  // the stand-in reads the node's images without an exec.
  it('a serviceAccountName no manifest defines: missing-serviceaccount (ReplicaSet FailedCreate, no pod at all)', async () => {
    const out = await MISSING_SERVICEACCOUNT.run(kits);
    expect(out.exitCode, out.output).not.toBe(0);
    const { events, triage } = triageOf(out.runDir);
    expect(triage, 'triage.json').toBeDefined();
    expect(unmet(triage!, out.expect), JSON.stringify(triage, null, 1)).toEqual([]);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(VERDICT_BUDGET_MS);
  });

  it('cluster.kindConfig pointing to a missing file: a config error (exit 2) before any run, so nothing to triage', async () => {
    const { dir, standin } = kits.kind.make('tri-nocfg', { kindConfig: 'unused' });
    rmSync(join(dir, 'kind.yaml'));
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toMatch(/cluster\.kindConfig/);
    expect(existsSync(join(dir, '.tarmac', 'runs'))).toBe(false);
  });
});
