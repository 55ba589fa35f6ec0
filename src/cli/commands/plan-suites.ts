// `tarmac plan --suites [a,b]`: the predicted wall time of the chosen suites side by side in one plan at the host
// budget (build.capacity, build.memory), against running them one after another; from cold (every image built).
import { readLearnedDurations } from '../../history/expected.js';
import { readLearnedFootprints } from '../../history/footprints.js';
import { durationText } from '../../history/format.js';
import { predictSuites, type SuitesPrediction } from '../../plan/suites-predict.js';
import { table } from '../../ui/text-table.js';
import { formatSize } from '../../config/size.js';
import { footprintSourceText } from '../../plan/suite-footprint.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';
import { chosenSuites } from '../suite-choice.js';

export interface PlanSuitesOptions {
  file?: string;
  suites?: string[];
  json?: boolean;
}

/** Prints the side-by-side prediction; exit 0. */
export async function planSuitesCommand(opts: PlanSuitesOptions, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suites = chosenSuites(env, opts.suites);
  const durations = new Map(Object.entries(readLearnedDurations(env.historyPath, env.name)));
  const target = env.cluster.target === 'podman' ? 'podman' : 'kind';
  const learned = readLearnedFootprints(env.historyPath, env.name);
  const prediction = predictSuites(env, {
    suites,
    target,
    cachedImages: new Set(),
    withTest: true,
    durations,
    learnedFootprints: learned,
  });
  io.stdout.write(opts.json ? `${JSON.stringify(prediction, null, 2)}\n` : `${predictionText(prediction)}\n`);
  return 0;
}

function predictionText(p: SuitesPrediction): string {
  const rows = table(
    ['suite', 'setup', 'ends', 'alone', 'memory'],
    p.suites.map((s) => [
      s.suite,
      durationText(s.setupMs),
      durationText(s.endMs),
      durationText(s.aloneMs),
      `${formatSize(s.memoryBytes)} (${footprintSourceText(s.memorySource)})`,
    ]),
  );
  const ratio = (ms: number): string => (ms > 0 ? `${(p.sideBySideMs / ms).toFixed(2)}x` : '-');
  return [
    rows,
    '',
    `side by side (capacity ${p.capacity}${p.memoryBytes !== undefined ? `, memory budget set` : ''}): ${durationText(p.sideBySideMs)}`,
    `one after another, reusing images: ${durationText(p.sequentialMs)} (side by side is ${ratio(p.sequentialMs)})`,
    `one after another, each building its own: ${durationText(p.sequentialColdMs)} (${ratio(p.sequentialColdMs)})`,
    ...p.waits.map((w) => `waits: ${w.reason}`),
  ].join('\n');
}
