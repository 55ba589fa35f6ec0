// `--suite a,b` / `--all`: which suites of the file a command works on; NO_SUITES when the file declares none.
import type { Env } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { chooseSuites } from '../plan/suites-plan.js';

/** The chosen suite names (every suite when none are named), checked against the file. */
export function chosenSuites(env: Env, names: readonly string[] | undefined): string[] {
  if (!env.suites || env.suites.length === 0)
    throw new TarmacError('NO_SUITES', `${env.file} declares no suites`, {
      exitCode: ExitCode.usage,
      hint: 'Add a `suites:` list to tarmac.yaml (see README, "suites"), or run `tarmac up` for the single env.',
    });
  const wanted = names && names.length > 0 ? names : env.suites.map((s) => s.name);
  return chooseSuites(env, wanted).map((s) => s.name);
}
