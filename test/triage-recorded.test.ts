// The triage rules over recorded scenarios: each failure was produced once for real (real podman, kind stand-ins)
// by scripts/record-triage-scenarios.ts; here the same rule path (diagnose and the status table) runs on the
// recorded journal and evidence. No podman: milliseconds each. Re-record a scenario after a behaviour change with
// `npx tsx scripts/record-triage-scenarios.ts --only <name>`.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/triage/diagnose.js';
import { statusTable } from '../src/triage/status-table.js';
import { unmet } from './triage-scenarios/expectation.js';
import { loadRecording, recordingNames } from './triage-scenarios/recording.js';
import { ALL_SCENARIOS } from './triage-scenarios/run-scenarios.js';

const names = recordingNames();

/**
 * Scenarios without a recording yet, each still run end to end in test/e2e: on the loaded machine they were recorded
 * on, the restarted engine (seed) and the kubectl stand-in (missing-serviceaccount) answered too slowly for the
 * evidence the expectation needs. Record them on a quiet machine, then drop them from this list.
 */
const NOT_YET_RECORDED = ['missing-serviceaccount', 'seed-engine-crash-kind'];

describe('recorded triage scenarios', () => {
  it('every scenario has a recording, and every recording a scenario', () => {
    const expected = ALL_SCENARIOS.map((s) => s.name).filter((n) => !NOT_YET_RECORDED.includes(n));
    expect(names).toEqual(expected.sort());
  });

  it.each(names)('%s: the replayed triage gives the expected top verdict and evidence', (name) => {
    const { input, expected, live } = loadRecording(name);
    const diagnosis = diagnose(input);
    const judged = {
      verdicts: diagnosis.verdicts,
      unclassified: diagnosis.unclassified,
      status: statusTable(input.evidence),
    };
    expect(unmet(judged, expected.expect)).toEqual([]);
    // The replay tops like the live triage did (re-record when a rule change moves it on purpose).
    expect(diagnosis.verdicts[0]?.ruleId ?? 'unclassified').toBe(live.verdicts[0]?.ruleId ?? 'unclassified');
  });
});
