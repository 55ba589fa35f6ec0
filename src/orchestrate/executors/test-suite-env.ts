// The environment through which the test command finds the services: TARMAC_SERVICE_<NAME>=url.
import { TarmacError, ExitCode } from '../../errors/errors.js';

/** The variable that holds a service's endpoint: name upper-cased, every non-alphanumeric -> "_". */
export function serviceVar(name: string): string {
  return `TARMAC_SERVICE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** `{ TARMAC_SERVICE_<NAME>: url }` for every endpoint; throws ENDPOINT_ENV_CONFLICT if two names map to one variable. */
export function endpointEnv(endpoints: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [name, url] of Object.entries(endpoints)) {
    const key = serviceVar(name);
    const other = owner.get(key);
    // Why refuse: "api-v1" and "api_v1" would both be TARMAC_SERVICE_API_V1 and one URL would silently win.
    if (other !== undefined) {
      throw new TarmacError('ENDPOINT_ENV_CONFLICT', `services ${other} and ${name} both map to ${key}`, {
        exitCode: ExitCode.usage,
        hint: 'rename one of the Services so their names differ in more than punctuation or case',
      });
    }
    owner.set(key, name);
    env[key] = url;
  }
  return env;
}
