// What a run's build logs say about the buildah working containers its builds created: each
// `--> <id>` names a committed layer (the next step's container is `<id12>-working-container`), and each
// `STEP n/m: FROM <ref>` names an image a stage's container was made from.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stepsDir } from '../journal/run-dir.js';

export interface BuildTraces {
  /** Layer id prefixes from `--> <id>` lines (podman prints 11 or 12 hex digits). */
  layerIds: string[];
  /** Image references from `FROM` steps. */
  fromRefs: string[];
}

const LAYER = /^--> (?:Using cache )?([0-9a-f]{11,64})\b/;
const FROM = /^STEP \d+\/\d+: FROM (\S+)/i;

/** Parses one build log's text. */
export function parseBuildLog(text: string): BuildTraces {
  const layerIds = new Set<string>();
  const fromRefs = new Set<string>();
  for (const line of text.split('\n')) {
    const layer = LAYER.exec(line.trim());
    if (layer?.[1]) layerIds.add(layer[1]);
    const from = FROM.exec(line.trim());
    if (from?.[1]) fromRefs.add(from[1]);
  }
  return { layerIds: [...layerIds], fromRefs: [...fromRefs] };
}

/** The traces of every build step log of one run (`steps/build_*.log`). */
export function runBuildTraces(runDir: string): BuildTraces {
  const steps = stepsDir(runDir);
  const traces: BuildTraces = { layerIds: [], fromRefs: [] };
  if (!existsSync(steps)) return traces;
  for (const name of readdirSync(steps)) {
    if (!name.startsWith('build_') || !name.endsWith('.log')) continue;
    const one = parseBuildLog(readFileSync(join(steps, name), 'utf8'));
    traces.layerIds.push(...one.layerIds);
    traces.fromRefs.push(...one.fromRefs);
  }
  return traces;
}
