// Executor for `build:<image>` steps: builds with the engine, then verifies the image exists.
import type { ContainerEngine } from '../../engines/types.js';
import type { ImageSpec } from '../../config/types.js';
import type { Step } from '../../plan/types.js';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import { LABEL_IMAGE, LABEL_VERSION, envLabels } from '../../engines/labels.js';
import { buildFailure } from './build-failure.js';
import type { StepContext, StepResult } from './types.js';

export interface BuildImageDeps {
  engine: ContainerEngine;
  envName: string;
  runId: string;
  version: string;
  images: Map<string, ImageSpec>;
  /** Resolved reference per image name, e.g. localhost/base:tm-0123456789ab. */
  refs: Map<string, string>;
}

/** The build arg through which an image receives the resolved reference of a base it depends on. */
export function baseImageArg(name: string): string {
  return `TARMAC_IMAGE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Creates the executor that builds one image and verifies the result. */
export function buildImageExecutor(deps: BuildImageDeps) {
  return async (step: Step, ctx: StepContext): Promise<StepResult> => {
    const spec = deps.images.get(step.subject);
    const ref = deps.refs.get(step.subject);
    if (!spec || !ref)
      throw new TarmacError('INTERNAL', `no image spec for ${step.subject}`, { exitCode: ExitCode.internal });
    const args: Record<string, string> = { ...spec.args };
    for (const base of spec.dependsOn) {
      const baseRef = deps.refs.get(base);
      if (baseRef) args[baseImageArg(base)] = baseRef;
    }
    const build = (noCache = false) =>
      deps.engine.build({
        tag: ref,
        contextDir: spec.contextDir,
        containerfile: spec.containerfile,
        args,
        ...(spec.target ? { target: spec.target } : {}),
        labels: { ...envLabels(deps.envName, deps.runId), [LABEL_IMAGE]: spec.name, [LABEL_VERSION]: deps.version },
        ...(noCache ? { noCache } : {}),
        signal: ctx.signal,
        onLine: ctx.output,
      });
    let result = await build();
    if (!result.ok && !ctx.signal.aborted && storageRace(result.tail)) {
      // Another process removed an image while this build looked up its layer cache (podman 4.3 store race),
      // not the Containerfile's fault. The cache lookup is what trips, and the half-removed image can stay listed
      // for a while, so once more without the cache; said in the step's log, a second failure is reported as it is.
      ctx.output(
        `tarmac: the engine's image store changed under the build (layer not known); building ${spec.name} once more without the layer cache`,
      );
      result = await build(true);
    }
    if (!result.ok) throw buildFailure(spec.name, result, step.id, deps.engine.name);
    // Verify the effect, not the exit code: a build can exit 0 and still leave no image (e.g. a remote engine that died at commit).
    if (!(await deps.engine.imageExists(ref, ctx.signal))) {
      throw new TarmacError(
        'BUILD_NOT_VERIFIED',
        `the build of ${spec.name} exited 0 but ${ref} does not exist in the engine`,
        {
          stepId: step.id,
          details: result.tail.slice(-10),
          hint: 'Check the engine with `tarmac doctor`; run the build again.',
        },
      );
    }
    return { state: 'succeeded', detail: ref };
  };
}

/** podman's "layer not known" / "image not known" while resolving its build cache: a concurrent removal. */
export function storageRace(tail: readonly string[]): boolean {
  return tail.some(
    (line) =>
      /layer not known/.test(line) ||
      (/image not known/.test(line) && /checking if cached image exists|locating image with ID/.test(line)),
  );
}
