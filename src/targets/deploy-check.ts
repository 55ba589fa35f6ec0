// The one check of what the chosen target cannot deploy, run by `tarmac validate` and by `up` (each suite cluster
// too) on the rendered groups before anything is created, so the two cannot disagree: every problem is a located
// line, and all of them together are one MANIFEST_PROBLEMS error (exit 2). Each target keeps its rules beside the
// code that deploys (podman: podman/deploy-check.ts, from the planner itself; kind: kind/workload-shape.ts and
// kind/crd-order.ts, what its API server would refuse).
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { RenderedGroup } from '../kube/types.js';
import { crdOrderProblems, workloadShapeProblems } from './kind/index.js';
import { podmanDeployCheck, type AskPodmanVersion, type DeployCheck } from './podman/index.js';
import type { TargetType } from './types.js';

export type { AskPodmanVersion, DeployCheck };

export interface DeployCheckInput {
  target: TargetType;
  /** The env's name (podman scopes pod names with it). */
  env: string;
  /** Every deploy group of the env, rendered. */
  groups: readonly RenderedGroup[];
  /** Each group's `after` (groups not listed wait for none). */
  after: ReadonlyMap<string, readonly string[]>;
  /** The podman version, asked only when the podman target must know what its kube play can do. */
  askPodmanVersion: AskPodmanVersion;
}

/** What the target would refuse (located lines) and what could not be checked (notes). */
export async function deployCheck(input: DeployCheckInput): Promise<DeployCheck> {
  if (input.target === 'kind')
    return {
      problems: [...workloadShapeProblems(input.groups), ...crdOrderProblems(input.groups, input.after)],
      notes: [],
    };
  return podmanDeployCheck(input.env, input.groups, input.askPodmanVersion);
}

/** The error for located manifest problems: exit 2, nothing was created. */
export function manifestProblemsError(problems: readonly string[], target: TargetType): TarmacError {
  return new TarmacError(
    'MANIFEST_PROBLEMS',
    `${problems.length} manifest problem${problems.length === 1 ? '' : 's'} (target ${target}); nothing was created`,
    {
      exitCode: ExitCode.usage,
      details: [...problems],
      hint:
        target === 'podman'
          ? 'Fix each manifest as its line says; objects the podman target refuses run on a real cluster (cluster.target: kind).'
          : 'Fix each manifest as its line says (paths are relative to tarmac.yaml).',
    },
  );
}
