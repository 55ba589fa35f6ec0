// Picks the deploy target: kind when asked or installed, else podman pods without a cluster; explains the choice.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { CommandRunner } from '../exec/types.js';
import { findOnPath } from '../engines/find-on-path.js';
import { TarmacError, ExitCode } from '../errors/errors.js';
import { createKindTarget } from './kind/index.js';
import { createPodmanTarget } from './podman/index.js';
import type { ClusterTarget, TargetType } from './types.js';

export interface SelectTargetDeps {
  runner: CommandRunner;
  engine: ContainerEngine;
  processEnv: NodeJS.ProcessEnv;
  runId: string;
  /** tarmac's lifetime: long-lived helpers (kind's port-forwards) stop when it aborts. */
  lifetime?: AbortSignal;
  /** Lines for the journal and view from those helpers (a forward dropped and restarted). */
  notify?: (line: string) => void;
}

/** The target type `up` would deploy to: cluster.target, or for auto kind when it is on PATH, else podman. */
export function targetTypeFor(env: Env, processEnv: NodeJS.ProcessEnv): TargetType {
  const wanted = env.cluster.target;
  if (wanted !== 'auto') return wanted;
  return findOnPath('kind', processEnv) ? 'kind' : 'podman';
}

/** The target for this env, with one line saying why it was chosen. */
export function selectTarget(env: Env, deps: SelectTargetDeps): { target: ClusterTarget; why: string } {
  const kindPath = findOnPath('kind', deps.processEnv);
  const wanted = env.cluster.target;
  if (wanted === 'kind' && !kindPath) {
    throw new TarmacError('KIND_NOT_FOUND', 'cluster.target is kind but no `kind` binary is on PATH', {
      exitCode: ExitCode.environment,
      hint: 'Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set cluster.target: podman to run the pods on podman without a cluster.',
    });
  }
  const type = targetTypeFor(env, deps.processEnv);
  if (type === 'podman' && deps.engine.name !== 'podman') {
    throw new TarmacError(
      'TARGET_NEEDS_PODMAN',
      `the podman target runs pods with \`podman kube play\`, but the engine is ${deps.engine.name}`,
      {
        exitCode: ExitCode.environment,
        hint: 'Install kind and set cluster.target: kind, or use podman as the engine.',
      },
    );
  }
  const common = { env, runner: deps.runner, engine: deps.engine, stateDir: env.stateDir, runId: deps.runId };
  if (type === 'kind') {
    return {
      target: createKindTarget({
        ...common,
        createTimeoutMs: env.timeouts.cluster,
        ...(deps.lifetime ? { lifetime: deps.lifetime } : {}),
        ...(deps.notify ? { notify: deps.notify } : {}),
      }),
      why: wanted === 'kind' ? 'kind (cluster.target: kind)' : `kind (found ${kindPath})`,
    };
  }
  return {
    target: createPodmanTarget(common),
    why: wanted === 'podman' ? 'podman pods (cluster.target: podman)' : 'podman pods (no kind on PATH)',
  };
}
