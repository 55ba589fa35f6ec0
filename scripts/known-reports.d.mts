// Types for scripts/known-reports.mjs (imported by src/triage/similar/load-known.test.ts).
/** Writes `<outDir>/known-reports.json` from `casesDir`; returns how many reports it holds (0: no corpus). */
export declare function writeKnownReports(casesDir: string, outDir: string): number;
