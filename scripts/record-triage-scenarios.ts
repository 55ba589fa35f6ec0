// Records the triage scenarios: runs each one for real once (real podman, kind stand-ins) and saves what its
// triage read and said into test/fixtures/triage-recorded/<scenario>/, for test/triage-recorded.test.ts to replay.
//   npm run build && npx tsx scripts/record-triage-scenarios.ts [--only name,name] [--list]
// Needs CONTAINERS_CONF like the e2e tests. A scenario whose live triage misses its expectation is not saved.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TriageResult } from '../src/triage/types.js';
import { unmet } from '../test/triage-scenarios/expectation.js';
import { saveRecording, RECORDINGS } from '../test/triage-scenarios/recording.js';
import { ALL_SCENARIOS, openKits } from '../test/triage-scenarios/run-scenarios.js';
import type { TriageScenario } from '../test/triage-scenarios/scenario.js';

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const s of ALL_SCENARIOS) console.log(`${s.name}\t${s.from}`);
  process.exit(0);
}
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean)) : undefined;
const unknown = [...(only ?? [])].filter((n) => !ALL_SCENARIOS.some((s) => s.name === n));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(', ')} (see --list)`);
  process.exit(2);
}
const chosen = ALL_SCENARIOS.filter((s) => !only || only.has(s.name));
const failed: string[] = [];
const { kits, settle, close } = await openKits('triage-rec');
try {
  for (const scenario of chosen) {
    const started = Date.now();
    try {
      const problems = await record(scenario);
      const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
      if (problems.length === 0)
        console.log(`recorded ${scenario.name} (${took}) -> ${join(RECORDINGS, scenario.name)}`);
      else {
        failed.push(scenario.name);
        console.error(`NOT recorded ${scenario.name} (${took}):\n  ${problems.join('\n  ')}`);
      }
    } catch (err) {
      failed.push(scenario.name);
      console.error(
        `NOT recorded ${scenario.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
    // Each scenario meets a clean host: a killed engine's leftovers must not slow the next one down.
    await settle();
  }
} finally {
  await close();
}
console.log(
  `${chosen.length - failed.length} of ${chosen.length} recorded${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length > 0 ? 1 : 0);

/** Runs one scenario and saves it when its live triage meets the expectation; returns what did not hold. */
async function record(scenario: TriageScenario): Promise<string[]> {
  const out = await scenario.run(kits);
  const problems: string[] = [];
  const exitOk = scenario.exit === 'nonzero' ? out.exitCode !== 0 : out.exitCode === scenario.exit;
  if (!exitOk) problems.push(`exit code ${out.exitCode}, expected ${scenario.exit}:\n${out.output}`);
  const file = join(out.runDir, 'triage.json');
  if (!existsSync(file)) return [...problems, `no triage.json in ${out.runDir}`];
  const triage = JSON.parse(readFileSync(file, 'utf8')) as TriageResult;
  problems.push(...unmet(triage, out.expect));
  if (problems.length === 0) saveRecording(scenario, out);
  else {
    // The scenario's project is removed next: keep its run dir to read why.
    const kept = join(tmpdir(), 'triage-rec-failed', `${scenario.name}-${Date.now()}`);
    cpSync(out.runDir, kept, { recursive: true });
    problems.push(`run dir kept in ${kept}`);
  }
  return problems;
}
