// `tarmac junit merge`: the shards' JUnit reports as one, refusing a test that ran in two shards.
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { JUnitCase, JUnitReport } from './types.js';
import { writeJUnit } from './write.js';

/** The merged cases and their XML. */
export interface MergedJUnit {
  cases: JUnitCase[];
  xml: string;
}

const MAX_LISTED = 20;

/**
 * Concatenates the reports' cases (input order) into one document. Throws JUNIT_MERGE_DUPLICATES (exit 4)
 * naming each test id found in more than one file: shards must split the suite, and a test counted twice
 * would hide that they did not.
 */
export function mergeJUnit(reports: readonly JUnitReport[], name = 'merged'): MergedJUnit {
  const files = new Map<string, string[]>();
  for (const report of reports) {
    for (const c of report.cases) files.set(c.id, [...(files.get(c.id) ?? []), report.file]);
  }
  const duplicates = [...files].filter(([, where]) => where.length > 1);
  if (duplicates.length > 0) {
    const lines = duplicates.slice(0, MAX_LISTED).map(([id, where]) => `${id}: in ${where.join(', ')}`);
    if (duplicates.length > MAX_LISTED) lines.push(`… ${duplicates.length - MAX_LISTED} more`);
    throw new TarmacError(
      'JUNIT_MERGE_DUPLICATES',
      `${duplicates.length} test${duplicates.length === 1 ? ' appears' : 's appear'} in more than one input file; nothing was written`,
      {
        exitCode: ExitCode.infrastructure,
        details: lines,
        hint: "Each shard must run a disjoint part of the suite: give every shard job the same test.list and its own --shard I/N, and pass each shard's JUnit file once.",
      },
    );
  }
  const cases = reports.flatMap((r) => r.cases);
  return { cases, xml: writeJUnit(cases, name) };
}
