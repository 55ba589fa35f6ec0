// A suite's memory footprint and where it came from: declared in tarmac.yaml (`memory`, it wins), learned from the
// peaks of earlier runs (history), or a default per cluster when neither says. Pure.
import { formatSize } from '../config/size.js';
import type { SuiteSpec } from '../config/types.js';

/** Memory a suite is assumed to hold per cluster when it declares none and history has none (a kind node). */
export const DEFAULT_CLUSTER_MEMORY_BYTES = 1024 ** 3;

/** What history learned of a suite: the most memory its containers used in its last `runs` measured runs. */
export interface LearnedFootprint {
  bytes: number;
  runs: number;
}

export type FootprintSource = { from: 'declared' } | { from: 'learned'; runs: number } | { from: 'default' };

/** A suite's footprint in bytes and its source. */
export interface Footprint {
  bytes: number;
  source: FootprintSource;
}

/** The suite's footprint: declared, else learned, else the default per cluster. */
export function suiteFootprint(suite: SuiteSpec, learned?: ReadonlyMap<string, LearnedFootprint>): Footprint {
  if (suite.memoryBytes !== undefined) return { bytes: suite.memoryBytes, source: { from: 'declared' } };
  const seen = learned?.get(suite.name);
  if (seen && seen.runs > 0) return { bytes: seen.bytes, source: { from: 'learned', runs: seen.runs } };
  return { bytes: DEFAULT_CLUSTER_MEMORY_BYTES * suite.clusters.length, source: { from: 'default' } };
}

/** Where a footprint came from, for people: `declared`, `learned from 3 runs`, `default: 1.0 GiB per cluster`. */
export function footprintSourceText(source: FootprintSource): string {
  switch (source.from) {
    case 'declared':
      return 'declared';
    case 'learned':
      return `learned from ${source.runs} run${source.runs === 1 ? '' : 's'}`;
    case 'default':
      return `default: ${formatSize(DEFAULT_CLUSTER_MEMORY_BYTES)} per cluster`;
  }
}
