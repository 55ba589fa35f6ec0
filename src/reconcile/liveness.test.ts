import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../exec/run-command.js';
import { currentIdentity, liveness, systemProcessProbe, type ProcessProbe } from './liveness.js';

function fakeProbe(overrides: Partial<ProcessProbe> = {}): ProcessProbe {
  return {
    pid: 100,
    hostname: () => 'h1',
    bootId: () => 'boot-a',
    exists: () => true,
    startTicks: () => '555',
    ...overrides,
  };
}

describe('liveness', () => {
  const owner = { pid: 42, host: 'h1', bootId: 'boot-a', startTicks: '555' };

  it('is alive when the pid exists with the recorded start time', () => {
    expect(liveness(owner, fakeProbe())).toEqual({ state: 'alive' });
  });

  it('is dead when no process has the pid', () => {
    expect(liveness(owner, fakeProbe({ exists: () => false }))).toEqual({
      state: 'dead',
      why: 'tarmac (pid 42) is gone',
    });
  });

  it('is dead when the pid was reused by a process started later', () => {
    const result = liveness(owner, fakeProbe({ startTicks: () => '999' }));
    expect(result.state).toBe('dead');
    expect(result.state === 'dead' && result.why).toMatch(/pid now belongs to another process/);
  });

  it('is dead after a reboot even if the pid exists again', () => {
    expect(liveness(owner, fakeProbe({ bootId: () => 'boot-b' })).state).toBe('dead');
  });

  it('cannot tell for a run of another host', () => {
    expect(liveness(owner, fakeProbe({ hostname: () => 'h2', exists: () => false })).state).toBe('unknown');
  });

  it('trusts the pid alone when no start time was recorded', () => {
    expect(liveness({ pid: 42, host: 'h1' }, fakeProbe({ startTicks: () => '1', bootId: () => undefined }))).toEqual({
      state: 'alive',
    });
  });
});

describe('systemProcessProbe', () => {
  it('sees this process alive, and a pid beyond pid_max dead', () => {
    const probe = systemProcessProbe();
    expect(liveness(currentIdentity(probe), probe)).toEqual({ state: 'alive' });
    expect(probe.exists(2 ** 22 + 12345)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('reads start times and the boot id from /proc', () => {
    const probe = systemProcessProbe();
    expect(probe.startTicks(process.pid)).toMatch(/^\d+$/);
    expect(probe.bootId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('systemProcessProbe and zombies', () => {
  it.runIf(process.platform === 'linux')('counts a killed, not yet reaped process (a zombie) as dead', async () => {
    const probe = systemProcessProbe();
    const stop = new AbortController();
    let zombie = 0;
    // The shell starts `sleep 0`, prints its pid and becomes `sleep 5`, which never reaps it: a real zombie.
    const running = runCommand('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], {
      signal: stop.signal,
      onLine: (line) => {
        zombie = Number(line);
      },
    });
    try {
      const deadline = Date.now() + 4000;
      while (!(zombie > 0 && readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z ')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toContain(') Z ');
      expect(probe.exists(zombie)).toBe(false);
    } finally {
      stop.abort();
      await running;
    }
  });
});
