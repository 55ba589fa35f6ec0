// `tarmac validate`: load the config, then read every deploy group's manifests as `up` would (rendering charts and
// kustomizations) and report every problem, located, before anything is created (exit 2); else a short summary and
// any warnings (exit 0). What the chosen target refuses is the check `up` runs before it creates anything
// (targets/deploy-check.ts), on the same rendered groups, so the two cannot disagree.
import { relative } from 'node:path';
import { formatWarnings } from '../../config/format.js';
import type { Env } from '../../config/types.js';
import { configuredPodman, engineVersion, type EngineVersion } from '../../engines/engine-version.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { runCommand } from '../../exec/run-command.js';
import type { CommandRunner } from '../../exec/types.js';
import { checkGroupManifests } from '../../kube/check-manifests.js';
import type { RenderedGroup } from '../../kube/types.js';
import { renderLoadedGroup } from '../../orchestrate/render-groups.js';
import { deployCheck, manifestProblemsError } from '../../targets/deploy-check.js';
import { targetTypeFor } from '../../targets/select.js';
import type { CliIo } from '../io.js';
import { safeText } from '../../ui/safe-text.js';
import { loadCommandConfig } from '../load-config.js';

/** Runs `tarmac validate`; config and manifest problems propagate to main(), which prints them and exits 2. */
export async function validateCommand(opts: { file?: string }, io: CliIo): Promise<number> {
  const { env, warnings } = await loadCommandConfig(opts, io.cwd);
  if (warnings.length > 0) io.stderr.write(`${safeText(formatWarnings(warnings, io.cwd))}\n`);
  const target = targetTypeFor(env, io.env);
  const signal = new AbortController().signal;
  // The CLI's environment, not the process's: helm, kubectl and podman are found on io.env's PATH.
  const runner: CommandRunner = (cmd, args, options = {}) =>
    runCommand(cmd, args, { ...options, env: { ...io.env, ...options.env } });
  const problems: string[] = [];
  const rendered: RenderedGroup[] = [];
  for (const group of env.deploy) {
    const found = await checkGroupManifests(group, env.dir, { runner, signal });
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
  if (problems.length === 0) {
    const check = await deployCheck({
      target,
      env: env.name,
      groups: rendered,
      after: new Map(env.deploy.map((g) => [g.name, g.after])),
      askPodmanVersion: () => podmanVersion(env, runner, io.env, signal),
    });
    for (const note of check.notes) io.stderr.write(`note: ${safeText(note)}\n`);
    problems.push(...check.problems);
  }
  if (problems.length > 0) throw manifestProblemsError(problems, target);
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${safeText(where)}: ok · ${env.images.length} images · ${env.deploy.length} deploy groups · cluster ${safeText(env.cluster.name)} (${env.cluster.target})\n`,
  );
  return 0;
}

// The podman `up` would use, asked its version once (only when a pod reads a Secret). Unreachable or missing: the
// check says what it could not learn and the deploy decides (validate never fails for an engine that is down).
async function podmanVersion(
  env: Env,
  runner: CommandRunner,
  processEnv: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<EngineVersion> {
  const engine = configuredPodman(env.engine, runner, processEnv);
  return 'unknown' in engine ? engine : engineVersion(engine, signal);
}
