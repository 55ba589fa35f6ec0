// Which values of a run are secret: what the config and the process environment say is a credential.
//
// The rule. A NAME is secret when its last word (words split at `_`, `-`, `.` and lower-to-upper case changes) is
// a credential word: PASSWORD, PASSWD, PASSPHRASE, PASS, PWD, SECRET, TOKEN, KEY, APIKEY, AUTH, CREDENTIAL(S)
// (or ends with PASSWORD, SECRET or TOKEN: DBPASSWORD, APITOKEN). So STRIPE_KEY, POSTGRES_PASSWORD, clientSecret
// and NPM_AUTH are secret, while GIT_AUTH_ENABLED, TOKEN_URL, SSH_AUTH_SOCK and PASSWORD_MIN_LENGTH are not.
// A VALUE of a secret name is masked everywhere when it has at least 4 characters and is not a flag
// (true/false/yes/no/on/off/enabled/disabled); slashes and short lengths do not exempt it (an AWS secret key has `/`).
import type { Env } from '../config/types.js';

const SECRET_LAST_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'pwd',
  'secret',
  'token',
  'key',
  'apikey',
  'auth',
  'credential',
  'credentials',
]);
const FLAGS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled']);
const MIN_VALUE_LENGTH = 4;

/** Whether a variable, build arg or setting with this name holds a secret (see the rule above). */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_.-]+/)
    .filter((w) => w !== '');
  const last = (words.at(-1) ?? '').toLowerCase();
  // A bare PWD is the shell's working directory, not a password.
  if (words.length === 1 && last === 'pwd') return false;
  return SECRET_LAST_WORDS.has(last) || /(?:password|secret|token)$/.test(last);
}

/** Whether a secret name's value is masked wherever it appears (see the rule above). */
export function isMaskableValue(value: string | undefined): value is string {
  return value !== undefined && value.length >= MIN_VALUE_LENGTH && !FLAGS.has(value.toLowerCase());
}

/** Secret values known to this run: registry password, secret-named test env / build args, secret-named process env. */
export function secretValues(env: Env | undefined, processEnv: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  const add = (v: string | undefined) => {
    if (isMaskableValue(v)) out.push(v);
  };
  // The registry password is secret whatever its shape.
  if (env?.registry?.password) out.push(env.registry.password);
  if (processEnv.TARMAC_REGISTRY_PASSWORD) out.push(processEnv.TARMAC_REGISTRY_PASSWORD);
  for (const [k, v] of Object.entries(env?.test?.env ?? {})) if (looksSecret(k)) add(v);
  for (const image of env?.images ?? []) for (const [k, v] of Object.entries(image.args)) if (looksSecret(k)) add(v);
  // CI runners hold tokens in the environment (GITHUB_TOKEN, REGISTRY_PASSWORD...); a test may print them.
  for (const [k, v] of Object.entries(processEnv)) if (looksSecret(k)) add(v);
  return out;
}
