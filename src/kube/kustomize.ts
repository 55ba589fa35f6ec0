// `kubectl kustomize DIR` through the injected CommandRunner; its output is parsed like any manifest file.
import { ExitCode, TarmacError } from '../errors/errors.js';
import { commandFailed } from '../exec/errors.js';
import type { CommandRunner } from '../exec/types.js';

const KUSTOMIZE_TIMEOUT_MS = 60_000;
const INSTALL_HINT =
  'tarmac builds kustomizations with `kubectl kustomize`; install kubectl (it embeds kustomize), or render the directory yourself and list the result under `manifests`.';

/** The YAML that `kubectl kustomize dir` prints; `shown` names the directory in messages. */
export async function runKustomize(
  runner: CommandRunner,
  dir: string,
  shown: string,
  signal?: AbortSignal,
): Promise<string> {
  const result = await runner('kubectl', ['kustomize', dir], {
    timeoutMs: KUSTOMIZE_TIMEOUT_MS,
    ...(signal ? { signal } : {}),
    tailLines: 20,
  });
  if (result.ok) return result.stdout;
  if (result.spawnError !== undefined) {
    throw new TarmacError(
      'KUSTOMIZE_UNAVAILABLE',
      `Cannot build kustomization ${shown}: kubectl could not start (${result.spawnError})`,
      {
        exitCode: ExitCode.environment,
        hint: INSTALL_HINT,
      },
    );
  }
  // A kubectl that is only a wrapper (e.g. gcloud's dispatcher without its component) may not know the subcommand.
  if (/unknown command|not installed/i.test(`${result.stderr}\n${result.stdout}`)) {
    throw commandFailed(result, {
      code: 'KUSTOMIZE_UNAVAILABLE',
      message: `Cannot build kustomization ${shown}: this kubectl has no working \`kustomize\``,
      hint: INSTALL_HINT,
      exitCode: ExitCode.environment,
    });
  }
  throw commandFailed(result, {
    code: 'KUSTOMIZE_FAILED',
    message: `kustomization ${shown} did not build`,
    hint: 'The kustomize error is shown above; fix kustomization.yaml (or the files it lists).',
    exitCode: ExitCode.usage,
  });
}
