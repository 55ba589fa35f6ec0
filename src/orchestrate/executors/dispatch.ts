// Routes each step to the executor of its kind.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { ClusterTarget } from '../../targets/types.js';
import type { StepExecutor } from '../../plan/step-executor.js';
import { InternalError } from '../../errors/errors.js';
import { imageBuildExecutor, type ResolvedImages } from '../resolve-images.js';
import { withRegistryDelivery } from '../../registry/registry-executor.js';
import { deliverImage, deployGroup, ensureCluster, groupInPlace, type DeployRecords } from './target-steps.js';
import { recordHooksDone } from './deploy-record.js';
import { hookPosition, hookSkipReason } from './hook-skip.js';
import type { StepResult } from './types.js';
import { runTestStep } from './test-step.js';
import { runHookStep } from './hook-step.js';
import type { TestOutcome } from './test-suite.js';
import type { TestReporting } from './test-report.js';
import type { ShardRequest } from './test-shard.js';

export interface DispatchDeps {
  env: Env;
  engine: ContainerEngine;
  target: ClusterTarget;
  runner: CommandRunner;
  runId: string;
  version: string;
  images: ResolvedImages;
  groups: Map<string, RenderedGroup>;
  onTestOutcome: (outcome: TestOutcome) => void;
  /** Where the test step reports its cases (`tests.reported`, junit.xml in the run dir). */
  testReporting?: TestReporting;
  /** `--shard I/N`: the test step runs only this shard's tests. */
  shard?: ShardRequest;
  /** Where deploy steps record their applies, to skip an unchanged group that is ready; absent: always apply. */
  deployRecords?: DeployRecords;
}

/** One executor for every step kind of `up`. */
export function stepDispatcher(deps: DispatchDeps): StepExecutor {
  const { images } = deps;
  const build = imageBuildExecutor(deps.env, deps.engine, images, { runId: deps.runId, version: deps.version });
  const plainDeliver: StepExecutor = (step, ctx) => {
    const ref = images.refs.get(step.subject);
    if (!ref) throw new InternalError(`no reference for image ${step.subject}`);
    return deliverImage(deps.target, ref, ctx);
  };
  // Registry mode: an image that was not built here is pulled into the engine first, then delivered as usual.
  const deliver = images.registry
    ? withRegistryDelivery(plainDeliver, {
        engine: deps.engine,
        registry: images.registry,
        refs: images.refs,
        ...(images.puller ? { puller: images.puller } : {}),
      })
    : plainDeliver;
  // Each group's deploy outcome in this run: an `after` hook of a group that was not applied does not run.
  const deployed = new Map<string, StepResult['state']>();
  const deploy: StepExecutor = async (step, ctx) => {
    const hooks = deps.env.deploy.find((g) => g.name === step.subject)?.hooks;
    const groups = [...deps.groups.values()];
    const result = await deployGroup(
      deps.target,
      deps.groups.get(step.subject),
      step,
      ctx,
      groups,
      deps.deployRecords,
      hooks,
    );
    deployed.set(step.subject, result.state);
    return result;
  };
  const hook: StepExecutor = async (step, ctx) => {
    const { group, phase, last } = hookPosition(deps.env, step.subject);
    const rendered = deps.groups.get(group.name);
    const place =
      phase === 'before' && deps.deployRecords && rendered
        ? await groupInPlace(
            deps.target,
            rendered,
            [...deps.groups.values()],
            deps.deployRecords,
            ctx.signal,
            group.hooks,
          )
        : undefined;
    const skip = hookSkipReason({
      group: group.name,
      phase,
      deployState: deployed.get(group.name),
      ...(place ? { place } : {}),
    });
    if (skip !== undefined) return { state: 'cached', detail: skip };
    const result = await runHookStep(deps.env, deps.target, deps.runner, step.subject, ctx);
    // The group counts as in place for a later `up` only once its last `after` hook succeeded (deploy-record.ts).
    if (phase === 'after' && last && deps.deployRecords) recordHooksDone(deps.deployRecords.stateDir, group.name);
    return result;
  };
  return async (step, ctx) => {
    switch (step.kind) {
      case 'build':
        return build(step, ctx);
      case 'cluster':
        return ensureCluster(deps.target, ctx);
      case 'deliver':
        return deliver(step, ctx);
      case 'deploy':
        return deploy(step, ctx);
      case 'hook':
        return hook(step, ctx);
      case 'test':
        return runTestStep(
          deps.env,
          deps.target,
          deps.runner,
          ctx,
          deps.onTestOutcome,
          deps.testReporting && { ...deps.testReporting, stepId: step.id },
          deps.shard,
        );
    }
  };
}
