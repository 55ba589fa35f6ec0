// Writes dist/known-reports.json: the triage corpus's public reports (test/corpus/cases/<category>/<id>.json) with
// the fields a similar-report lead needs (src/triage/similar/report-text.ts): id, category, source, established
// cause, output and pod. The cases are validated by the unit tests (test/corpus.test.ts), not here.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `<outDir>/known-reports.json` from `casesDir`; returns how many reports it holds (0: no corpus). */
export function writeKnownReports(casesDir, outDir) {
  if (!existsSync(casesDir)) return 0;
  const reports = [];
  for (const category of readdirSync(casesDir).sort())
    for (const name of readdirSync(join(casesDir, category))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(casesDir, category, name);
      let c;
      try {
        c = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      reports.push({
        id: c.id,
        category: c.category,
        source: c.source,
        rootCause: c.rootCause,
        output: c.output,
        pod: c.pod,
      });
    }
  writeFileSync(join(outDir, 'known-reports.json'), JSON.stringify(reports));
  return reports.length;
}
