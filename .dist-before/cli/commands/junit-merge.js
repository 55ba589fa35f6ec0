import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ExitCode } from "../../errors/errors.js";
import { readJUnit } from "../../junit/read.js";
import { mergeJUnit } from "../../junit/merge.js";
import { formatTestSummary } from "../../junit/summary.js";
import { totalsOf } from "../../junit/junit.js";
import { safeText } from "../../ui/safe-text.js";
async function junitMergeCommand(files, opts, io) {
  const reports = [];
  for (const file of files) reports.push(await readJUnit(resolve(io.cwd, file), { configDir: io.cwd }));
  const merged = mergeJUnit(reports);
  const out = resolve(io.cwd, opts.output);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, merged.xml);
  const totals = totalsOf(merged.cases);
  if (opts.json)
    io.stdout.write(
      `${JSON.stringify({ output: out, inputs: files.length, totals, ids: merged.cases.map((c) => c.id) }, null, 2)}
`
    );
  else
    io.stdout.write(
      `junit merge: ${files.length} file${files.length === 1 ? "" : "s"}, ${totals.tests} tests (${formatTestSummary({ totals })}) -> ${safeText(opts.output)}
`
    );
  return ExitCode.ok;
}
export {
  junitMergeCommand
};
//# sourceMappingURL=junit-merge.js.map
