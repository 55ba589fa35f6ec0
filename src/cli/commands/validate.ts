// `tarmac validate`: load the config, then read every deploy group's manifests as `up` would (rendering charts and
// kustomizations) and report every problem, located, before anything is created (exit 2); else a short summary and
// any warnings (exit 0).
import { relative } from 'node:path';
import { formatWarnings } from '../../config/format.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { runCommand } from '../../exec/run-command.js';
import { checkGroupManifests } from '../../kube/check-manifests.js';
import { targetRefusal } from '../../targets/refused-kinds.js';
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
  const problems: string[] = [];
  for (const group of env.deploy) {
    const found = await checkGroupManifests(group, env.dir, {
      runner: runCommand,
      refusal: (object) => targetRefusal(target, object),
      signal,
    });
    problems.push(...found);
  }
  if (problems.length > 0) {
    throw new TarmacError(
      'MANIFEST_PROBLEMS',
      `${problems.length} manifest problem${problems.length === 1 ? '' : 's'} (target ${target}); nothing was created`,
      {
        exitCode: ExitCode.usage,
        details: problems,
        hint:
          target === 'podman'
            ? 'Fix each manifest as its line says; objects the podman target refuses run on a real cluster (cluster.target: kind).'
            : 'Fix each manifest as its line says (paths are relative to tarmac.yaml).',
      },
    );
  }
  const where = relative(io.cwd, env.file) || env.file;
  io.stdout.write(
    `${safeText(where)}: ok · ${env.images.length} images · ${env.deploy.length} deploy groups · cluster ${safeText(env.cluster.name)} (${env.cluster.target})\n`,
  );
  return 0;
}
