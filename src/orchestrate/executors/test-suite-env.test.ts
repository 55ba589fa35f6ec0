// endpointEnv: the TARMAC_SERVICE_<NAME> variables the test command finds the services by.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../../errors/errors.js';
import { endpointEnv, serviceVar } from './test-suite-env.js';

describe('endpointEnv', () => {
  it('upper-cases names and turns every non-alphanumeric into "_"', () => {
    expect(
      endpointEnv({ 'holmesgpt-api': 'http://127.0.0.1:1', datastorage: 'http://127.0.0.1:2', 'a.b c': 'http://x' }),
    ).toEqual({
      TARMAC_SERVICE_HOLMESGPT_API: 'http://127.0.0.1:1',
      TARMAC_SERVICE_DATASTORAGE: 'http://127.0.0.1:2',
      TARMAC_SERVICE_A_B_C: 'http://x',
    });
    expect(serviceVar('web2')).toBe('TARMAC_SERVICE_WEB2');
  });

  it('refuses two services that would share one variable', () => {
    let error: unknown;
    try {
      endpointEnv({ 'api-v1': 'http://a', api_v1: 'http://b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).code).toBe('ENDPOINT_ENV_CONFLICT');
    expect((error as TarmacError).message).toBe('services api-v1 and api_v1 both map to TARMAC_SERVICE_API_V1');
    expect((error as TarmacError).exitCode).toBe(2);
  });
});
