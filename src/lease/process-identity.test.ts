import { describe, expect, it } from 'vitest';
import { isProcessAlive, processStartTime, processStat } from './process-identity.js';

describe('isProcessAlive', () => {
  it('knows this process, with or without its start time', () => {
    expect(isProcessAlive(process.pid, processStartTime(process.pid))).toBe(true);
    expect(isProcessAlive(process.pid, null)).toBe(true);
  });

  it('takes a pid with another start time for a reused pid, hence dead (Linux)', () => {
    if (processStat(process.pid) === undefined) return expect(processStartTime(process.pid)).toBeNull();
    expect(isProcessAlive(process.pid, 'not-the-start-time')).toBe(false);
  });

  it('says a pid that does not exist is dead', () => {
    // Above the kernel's pid_max (4194304 at most), so never a real process.
    expect(isProcessAlive(2 ** 22 + 12345, null)).toBe(false);
  });
});
