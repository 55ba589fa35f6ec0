// The order test files start in: longest first, so that on two forks no long file starts last and runs alone.
// vitest orders so from its results cache (node_modules/.vite), which a fresh clone lacks: CI then ran the e2e files
// in glob order, and the longest kind files started near the end. Here the order comes from the committed
// test/e2e/durations.json (seconds per file, written by `node scripts/e2e-durations.mjs` from that cache after a run);
// a file it does not list starts first (it may be long), and the rest keep vitest's own order.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const DURATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e', 'durations.json');

/** A vitest sequencer: every file of the e2e projects by its recorded duration, longest first. */
export class DurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const seconds = JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>;
    const root = this.ctx.config.root;
    // Unknown files count as the longest; unit files (never listed, and all short) keep vitest's order.
    const weight = (spec: TestSpecification) => {
      const file = relative(root, spec.moduleId);
      return file.startsWith('test/e2e/') ? (seconds[file] ?? Number.POSITIVE_INFINITY) : 0;
    };
    return ordered
      .map((spec, index) => ({ spec, index, weight: weight(spec) }))
      .sort((a, b) => (a.weight === b.weight ? a.index - b.index : b.weight - a.weight))
      .map((entry) => entry.spec);
  }
}
