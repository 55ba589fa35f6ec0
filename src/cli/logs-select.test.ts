// `tarmac logs [WORKLOAD]`: which containers are shown, how their lines are told apart, and the unknown-workload error.
import { describe, expect, it } from 'vitest';
import type { LogSource } from '../targets/types.js';
import { logPrefix, selectLogSources } from './logs-select.js';

const api: LogSource = { workload: 'api', namespace: 'shop', pod: 'api-7d9f-x2k4p', container: 'api' };
const apiSidecar: LogSource = { ...api, container: 'proxy' };
const db: LogSource = { workload: 'db', namespace: 'data', pod: 'db-0', container: 'postgres' };
const sources = [api, apiSidecar, db];

describe('selectLogSources', () => {
  it('shows every container without a workload, and one workload by name or namespace/name', () => {
    expect(selectLogSources(sources)).toEqual(sources);
    expect(selectLogSources(sources, 'api')).toEqual([api, apiSidecar]);
    expect(selectLogSources(sources, 'data/db')).toEqual([db]);
  });

  it('names the known workloads (and the likely one) for an unknown workload', () => {
    expect(() => selectLogSources(sources, 'apy')).toThrow(
      expect.objectContaining({
        code: 'LOGS_WORKLOAD_UNKNOWN',
        exitCode: 2,
        message: 'no workload named apy runs in this env',
        hint: 'Did you mean api? Known workloads: api, db.',
      }),
    );
  });
});

describe('logPrefix', () => {
  it('prefixes pod/container (namespace first outside default) only when several containers interleave', () => {
    expect(logPrefix(api, sources)).toBe('[shop/api-7d9f-x2k4p/api] ');
    expect(logPrefix({ ...db, namespace: 'default' }, sources)).toBe('[db-0/postgres] ');
    expect(logPrefix({ workload: 'web', pod: 'web', container: 'web' }, sources)).toBe('[web/web] ');
    expect(logPrefix(api, [api])).toBe('');
  });
});
