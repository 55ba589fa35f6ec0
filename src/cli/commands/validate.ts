// `tarmac validate`: load the config, then read every deploy group's manifests as `up` would (rendering charts and
// kustomizations), for the file's env and each suite cluster, and report every problem, located, before anything is
// created (exit 2); else a short summary and any warnings (exit 0). What the chosen target refuses is the check
// `up` runs before it creates anything (targets/deploy-check.ts), on the same rendered groups, so the two cannot
// disagree.
import { relative } from 'node:path';
import { formatWarnings } from '../../config/format.js';
import { suiteClusterEnvs } from '../../config/suite-env.js';
import { runCommand } from '../../exec/run-command.js';
import type { CommandRunner } from '../../exec/types.js';
import { manifestProblemsError } from '../../targets/deploy-check.js';
import { targetTypeFor } from '../../targets/select.js';
import type { CliIo } from '../io.js';
import { safeText } from '../../ui/safe-text.js';
import { loadCommandConfig } from '../load-config.js';
import { checkEnvManifests, podmanVersionOnce } from '../validate-env.js';

/** Runs `tarmac validate`; config and manifest problems propagate to main(), which prints them and exits 2. */
export async function validateCommand(opts: { file?: string }, io: CliIo): Promise<number> {
  const { env, warnings } = await loadCommandConfig(opts, io.cwd);
  if (warnings.length > 0) io.stderr.write(`${safeText(formatWarnings(warnings, io.cwd))}\n`);
  const target = targetTypeFor(env, io.env);
  const signal = new AbortController().signal;
  // The CLI's environment, not the process's: helm, kubectl and podman are found on io.env's PATH.
  const runner: CommandRunner = (cmd, args, options = {}) =>
    runCommand(cmd, args, { ...options, env: { ...io.env, ...options.env } });
  const deps = { runner, signal, askPodmanVersion: podmanVersionOnce(env, runner, io.env, signal) };
  // Sets: a group that several suite clusters deploy is reported once.
  const problems = new Set<string>();
  const notes = new Set<string>();
  for (const e of [env, ...suiteClusterEnvs(env, env.suites ?? []).values()]) {
    const check = await checkEnvManifests(e, targetTypeFor(e, io.env), deps);
    for (const line of check.problems) problems.add(line);
    for (const line of check.notes) notes.add(line);
  }
  for (const note of notes) io.stderr.write(`note: ${safeText(note)}\n`);
  if (problems.size > 0) throw manifestProblemsError([...problems], target);
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${safeText(where)}: ok · ${env.images.length} images · ${env.deploy.length} deploy groups · cluster ${safeText(env.cluster.name)} (${env.cluster.target})\n`,
  );
  return 0;
}
