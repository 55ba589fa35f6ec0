// Which values of a run are secret: what the config and the process environment say is a credential.
import type { Env } from '../config/types.js';
import { looksSecret } from './redactor.js';

/** Secret values known to this run: registry password, secret-named test env / build args, secret-named process env. */
export function secretValues(env: Env | undefined, processEnv: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  const add = (v: string | undefined) => {
    if (v) out.push(v);
  };
  add(env?.registry?.password);
  add(processEnv.TARMAC_REGISTRY_PASSWORD);
  for (const [k, v] of Object.entries(env?.test?.env ?? {})) if (looksSecret(k)) add(v);
  for (const image of env?.images ?? []) for (const [k, v] of Object.entries(image.args)) if (looksSecret(k)) add(v);
  // CI runners hold tokens in the environment (GITHUB_TOKEN, REGISTRY_PASSWORD...); a test may print them.
  // Only long values: a flag like GIT_AUTH_ENABLED=true must not mask every "true" in the logs.
  for (const [k, v] of Object.entries(processEnv))
    if (looksSecret(k) && v !== undefined && v.length >= 8 && !v.includes('/')) add(v);
  return out;
}
