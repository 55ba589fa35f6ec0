// Buildah working containers (`podman ps -a --external`) left by builds that were killed with their
// podman: attributed to a dead run only on evidence from its own build logs, otherwise left alone.
import type { ContainerEngine } from '../engines/types.js';
import { engineFailed } from '../engines/engine-error.js';
import type { BuildTraces } from './build-traces.js';

export interface WorkingContainer {
  id: string;
  name: string;
  /** The image it was made from: a reference, or buildah's `<hex>-tmp` name for an intermediate layer. */
  image: string;
  imageId: string;
  /** Creation time in ms since the epoch. */
  createdAt: number;
}

/** A dead run whose builds may have left containers: its lifetime and its build logs' traces. */
export interface SuspectRun {
  id: string;
  startedAt: number;
  lastSignAt: number;
  traces: BuildTraces;
}

export interface Attribution {
  container: WorkingContainer;
  runId: string;
  /** The evidence, e.g. `its layer 876f9d5a696 is in the run's build log`. */
  why: string;
}

const WORKING = /-working-container(?:-\d+)?$/;
// A container is created before anything is logged about its step; a killed run's last write may come a
// little before its last container.
const WINDOW_BEFORE_MS = 5_000;
const WINDOW_AFTER_MS = 30_000;
const OP_TIMEOUT_MS = 30_000;

/** Every buildah working container the engine knows (podman only; docker has none). */
export async function listWorkingContainers(
  engine: ContainerEngine,
  signal?: AbortSignal,
): Promise<WorkingContainer[]> {
  if (engine.name !== 'podman') return [];
  const result = await engine.exec(['ps', '-a', '--external', '--format', 'json'], {
    timeoutMs: OP_TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });
  if (!result.ok) throw engineFailed(engine.name, result, 'Could not list build containers (podman ps -a --external)');
  return parseWorkingContainers(result.stdout);
}

/** The working containers in `podman ps -a --external --format json` output. */
export function parseWorkingContainers(stdout: string): WorkingContainer[] {
  const text = stdout.trim();
  if (text === '') return [];
  const items = JSON.parse(text) as unknown;
  if (!Array.isArray(items)) return [];
  const out: WorkingContainer[] = [];
  for (const item of items as Record<string, unknown>[]) {
    const names = Array.isArray(item.Names) ? item.Names.filter((n): n is string => typeof n === 'string') : [];
    const name = names.find((n) => WORKING.test(n));
    if (name === undefined || typeof item.Id !== 'string') continue;
    out.push({
      id: item.Id,
      name,
      image: typeof item.Image === 'string' ? item.Image : '',
      imageId: typeof item.ImageID === 'string' ? item.ImageID : '',
      createdAt: typeof item.Created === 'number' ? item.Created * 1000 : 0,
    });
  }
  return out;
}

/** Splits containers into those a dead run's build logs account for and the rest. */
export function attributeContainers(
  containers: readonly WorkingContainer[],
  runs: readonly SuspectRun[],
): { attributed: Attribution[]; unattributed: WorkingContainer[] } {
  const attributed: Attribution[] = [];
  const unattributed: WorkingContainer[] = [];
  for (const container of containers) {
    const match = runs.map((run) => ({ run, why: evidence(container, run) })).find((m) => m.why !== undefined);
    if (match?.why) attributed.push({ container, runId: match.run.id, why: match.why });
    else unattributed.push(container);
  }
  return { attributed, unattributed };
}

// Both must hold: the container was created while the run lived, and its own build log names its image.
function evidence(container: WorkingContainer, run: SuspectRun): string | undefined {
  if (container.createdAt < run.startedAt - WINDOW_BEFORE_MS || container.createdAt > run.lastSignAt + WINDOW_AFTER_MS)
    return undefined;
  const layer =
    container.imageId === '' ? undefined : run.traces.layerIds.find((id) => container.imageId.startsWith(id));
  if (layer !== undefined) return `its layer ${layer} is in the build log of run ${run.id}`;
  if (container.image !== '' && run.traces.fromRefs.includes(container.image))
    return `run ${run.id} built FROM ${container.image} then`;
  return undefined;
}

/** Whether a working container was made from one of this env's images (`…/<name>:tm-<12 hex>`). */
export function fromEnvImage(container: WorkingContainer, imageNames: readonly string[]): boolean {
  const match = /(?:^|\/)([^/:]+):tm-[0-9a-f]{12}$/.exec(container.image);
  return match?.[1] !== undefined && imageNames.includes(match[1]);
}
