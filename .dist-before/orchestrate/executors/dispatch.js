import { InternalError } from "../../errors/errors.js";
import { imageBuildExecutor } from "../resolve-images.js";
import { withRegistryDelivery } from "../../registry/registry-executor.js";
import { deliverImage, deployGroup, ensureCluster } from "./target-steps.js";
import { runTestStep } from "./test-step.js";
import { runHookStep } from "./hook-step.js";
function stepDispatcher(deps) {
  const { images } = deps;
  const build = imageBuildExecutor(deps.env, deps.engine, images, { runId: deps.runId, version: deps.version });
  const plainDeliver = (step, ctx) => {
    const ref = images.refs.get(step.subject);
    if (!ref) throw new InternalError(`no reference for image ${step.subject}`);
    return deliverImage(deps.target, ref, ctx);
  };
  const deliver = images.registry ? withRegistryDelivery(plainDeliver, {
    engine: deps.engine,
    registry: images.registry,
    refs: images.refs,
    ...images.puller ? { puller: images.puller } : {}
  }) : plainDeliver;
  return async (step, ctx) => {
    switch (step.kind) {
      case "build":
        return build(step, ctx);
      case "cluster":
        return ensureCluster(deps.target, ctx);
      case "deliver":
        return deliver(step, ctx);
      case "deploy":
        return deployGroup(
          deps.target,
          deps.groups.get(step.subject),
          step,
          ctx,
          [...deps.groups.values()],
          deps.deployRecords
        );
      case "hook":
        return runHookStep(deps.env, deps.target, deps.runner, step.subject, ctx);
      case "test":
        return runTestStep(
          deps.env,
          deps.target,
          deps.runner,
          ctx,
          deps.onTestOutcome,
          deps.testReporting && { ...deps.testReporting, stepId: step.id },
          deps.shard
        );
    }
  };
}
export {
  stepDispatcher
};
//# sourceMappingURL=dispatch.js.map
