// The error of an `up` that meets the same env name up from another checkout of the project.
import type { EnvIdentity } from '../config/project-identity.js';
import { LABEL_PROJECT, LABEL_PROJECT_PATH } from '../engines/labels.js';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** ENV_OTHER_CHECKOUT: `what` (e.g. `podman network tarmac-demo`) carries `labels` of another project's env. */
export function otherCheckoutError(what: string, labels: Record<string, string>, id: EnvIdentity): TarmacError {
  const path = labels[LABEL_PROJECT_PATH];
  const checkout = path ? `the checkout of ${path}` : `another checkout (project ${labels[LABEL_PROJECT] ?? '?'})`;
  return new TarmacError(
    'ENV_OTHER_CHECKOUT',
    `env ${id.env} is up from ${checkout}: ${what} belongs to it, not to ${id.projectPath}`,
    {
      exitCode: ExitCode.environment,
      fact: { type: 'other-checkout', what, ...(path ? { checkout: path } : {}) },
      hint: `tarmac never touches another checkout's env. Run \`tarmac down\` there first, or give this project another name in ${id.projectPath}.`,
    },
  );
}
