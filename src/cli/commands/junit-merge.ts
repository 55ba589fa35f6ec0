// `tarmac junit merge -o OUT FILES...`: one JUnit file from the shards' files; a test in two files is an error.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ExitCode } from '../../errors/errors.js';
import { readJUnit } from '../../junit/read.js';
import { mergeJUnit } from '../../junit/merge.js';
import { formatTestSummary } from '../../junit/summary.js';
import { totalsOf } from '../../junit/junit.js';
import type { CliIo } from '../io.js';
import { safeText } from '../../ui/safe-text.js';

export interface JUnitMergeOptions {
  output: string;
  json?: boolean;
}

/** Reads every input (JUNIT_MISSING / JUNIT_MALFORMED name the bad one), merges, writes OUT; exit 0 when written. */
export async function junitMergeCommand(files: string[], opts: JUnitMergeOptions, io: CliIo): Promise<number> {
  const reports = [];
  for (const file of files) reports.push(await readJUnit(resolve(io.cwd, file), { configDir: io.cwd }));
  const merged = mergeJUnit(reports);
  const out = resolve(io.cwd, opts.output);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, merged.xml);
  const totals = totalsOf(merged.cases);
  if (opts.json)
    io.stdout.write(
      `${JSON.stringify({ output: out, inputs: files.length, totals, ids: merged.cases.map((c) => c.id) }, null, 2)}\n`,
    );
  else
    io.stdout.write(
      `junit merge: ${files.length} file${files.length === 1 ? '' : 's'}, ${totals.tests} tests (${formatTestSummary({ totals })}) -> ${safeText(opts.output)}\n`,
    );
  return ExitCode.ok;
}
