// What `tarmac validate` checks in one env (the file's own, or one cluster of a suite, as `up --suite` deploys it):
// every group's manifests as `up` reads them, then, when all of them rendered, the check `up` runs before it
// creates anything (targets/deploy-check.ts).
import type { Env } from '../config/types.js';
import { configuredPodman, engineVersion, type EngineVersion } from '../engines/engine-version.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { CommandRunner } from '../exec/types.js';
import { checkGroupManifests } from '../kube/check-manifests.js';
import type { RenderedGroup } from '../kube/types.js';
import { renderLoadedGroup } from '../orchestrate/render-groups.js';
import { deployCheck, type DeployCheck } from '../targets/deploy-check.js';
import type { TargetType } from '../targets/types.js';

export interface EnvCheckDeps {
  /** Runs helm, kubectl and podman with the CLI's environment. */
  runner: CommandRunner;
  /** Asks the podman `up` would use its version (memoised by the caller: once per validate). */
  askPodmanVersion: () => Promise<EngineVersion>;
  signal: AbortSignal;
}

/** Located problems and notes of one env's deploy groups for `target`. */
export async function checkEnvManifests(env: Env, target: TargetType, deps: EnvCheckDeps): Promise<DeployCheck> {
  const problems: string[] = [];
  const rendered: RenderedGroup[] = [];
  for (const group of env.deploy) {
    const found = await checkGroupManifests(group, env.dir, { runner: deps.runner, signal: deps.signal });
    problems.push(...found.problems);
    if (found.problems.length > 0) continue;
    try {
      // No image references: validate builds nothing, and what the target refuses does not depend on them.
      rendered.push(renderLoadedGroup(group, found.objects, new Map()));
    } catch (error) {
      if (!(error instanceof TarmacError) || error.exitCode !== ExitCode.usage) throw error;
      problems.push(error.hint ? `${error.message}. ${error.hint}` : error.message);
    }
  }
  // Why only when every group rendered: the target's rules read across groups (a Service may select another
  // group's workload), so a group that did not load would make them report what is not wrong.
  if (problems.length > 0) return { problems, notes: [] };
  return deployCheck({
    target,
    env: env.name,
    groups: rendered,
    after: new Map(env.deploy.map((g) => [g.name, g.after])),
    askPodmanVersion: deps.askPodmanVersion,
  });
}

/**
 * The podman `up` would use, asked its version at most once however many envs ask (only when a pod reads a Secret).
 * Missing or unreachable: the check says what it could not learn and the deploy decides (validate never fails
 * because an engine is down).
 */
export function podmanVersionOnce(
  env: Env,
  runner: CommandRunner,
  processEnv: NodeJS.ProcessEnv,
  signal: AbortSignal,
): () => Promise<EngineVersion> {
  let asked: Promise<EngineVersion> | undefined;
  return () => {
    if (asked === undefined) {
      const engine = configuredPodman(env.engine, runner, processEnv);
      asked = 'unknown' in engine ? Promise.resolve(engine) : engineVersion(engine, signal);
    }
    return asked;
  };
}
