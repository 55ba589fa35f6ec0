import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colorsFor } from './colors.js';
import { plainView } from './plain-view.js';
import { ttyView } from './tty-view.js';
import { replayScenario } from './scenario.test-kit.js';
import { EventBus } from '../events/bus.js';

const golden = (name: string, actual: string) => {
  const file = new URL(`../../test/golden/ui/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
};

describe('plain view', () => {
  it('prints one line per event, heartbeats, and failures with their reason (golden)', () => {
    let out = '';
    replayScenario(
      plainView({
        write: (t) => {
          out += t;
        },
        colors: colorsFor(false, {}),
        verbose: false,
      }),
    );
    golden('plain-build.txt', out);
  });

  it('prints step output only when verbose', () => {
    let out = '';
    replayScenario(
      plainView({
        write: (t) => {
          out += t;
        },
        colors: colorsFor(false, {}),
        verbose: true,
      }),
    );
    expect(out).toContain('build:holmesgpt-api | STEP 3/4');
  });
});

describe('tty view', () => {
  it('redraws one line per step and ends with the final states (golden)', () => {
    let out = '';
    let now = 0;
    const view = ttyView({
      write: (t) => {
        out += t;
      },
      colors: colorsFor(false, {}),
      columns: () => 100,
      now: () => now,
      refreshMs: 1_000_000,
    });
    const bus = replayScenario(view.listener);
    now = bus.history.at(-1)?.at ?? 0;
    view.stop();
    const frames = out.split('\x1b[');
    golden('tty-build-final.txt', frames.at(-1) ?? '');
    expect(out).toContain('\x1b[5A\x1b[0J');
  });

  it('uses colours on a TTY unless NO_COLOR is set', () => {
    expect(colorsFor(true, {}).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(colorsFor(true, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(colorsFor(false, {}).red('x')).toBe('x');
  });
});

describe('tty view notes', () => {
  it('shows decisions, probes and incidents under the table', () => {
    let out = '';
    const view = ttyView({
      write: (t) => {
        out += t;
      },
      colors: colorsFor(false, {}),
      columns: () => 100,
      now: () => 0,
      refreshMs: 1_000_000,
    });
    const bus = replayScenario(view.listener);
    bus.emit({
      type: 'incident',
      kind: 'engine-crash',
      cause: { type: 'engine-error', code: 'ENGINE_UNREACHABLE', engineLine: 'server probably quit: unexpected EOF' },
      message: 'server probably quit: unexpected EOF',
      evidence: [],
      stepIds: ['build:x'],
      action: 'waiting for the engine',
    });
    view.stop();
    expect(out.split('\x1b[').at(-1)).toContain(
      '! incident engine-crash: server probably quit: unexpected EOF → waiting for the engine',
    );
  });
});

describe('tty view while steps wait', () => {
  it('says why each pending step waits and the expected time left (golden)', () => {
    let out = '';
    let now = 1_700_000_000_000;
    const view = ttyView({
      write: (t) => {
        out += t;
      },
      colors: colorsFor(false, {}),
      columns: () => 110,
      now: () => now,
      refreshMs: 1_000_000,
    });
    const bus = new EventBus('20261205-160000-abcd', { now: () => now });
    bus.subscribe(view.listener);
    const build = (subject: string, engine: number, deps: string[], estimateMs: number, priority: number) => ({
      id: `build:${subject}`,
      kind: 'build' as const,
      subject,
      deps,
      claims: { engine },
      cached: false,
      estimateMs,
      estimateLearned: true as const,
      priority,
    });
    bus.emit({
      type: 'run.started',
      command: 'up',
      capacity: 2,
      target: 'podman',
      engine: { type: 'podman', endpoint: '' },
      steps: [
        build('base', 1, [], 700, 27_000),
        build('holmesgpt-api', 2, ['build:base'], 22_000, 26_000),
        build('datastorage', 1, ['build:base'], 1_900, 3_500),
        {
          id: 'deploy:apps',
          kind: 'deploy',
          subject: 'apps',
          deps: ['build:holmesgpt-api', 'build:datastorage'],
          claims: { engine: 0 },
          cached: false,
          estimateMs: 1_600,
          priority: 1_600,
        },
      ],
    });
    bus.emit({ type: 'step.finished', stepId: 'build:base', state: 'succeeded', durationMs: 700 });
    bus.emit({ type: 'step.started', stepId: 'build:holmesgpt-api', claims: { engine: 2 }, attempt: 1 });
    bus.emit({ type: 'resource', name: 'engine', capacity: 2, inUse: 2 });
    now += 12_000;
    view.stop();
    golden('tty-waiting.txt', out.split('\x1b[').at(-1) ?? '');
  });
});

describe('tty view without history', () => {
  it('says the time left is unknown rather than guess it from defaults', () => {
    let out = '';
    const view = ttyView({
      write: (t) => {
        out += t;
      },
      colors: colorsFor(false, {}),
      columns: () => 110,
      now: () => 0,
      refreshMs: 1_000_000,
    });
    const bus = new EventBus('20261205-160000-abcd', { now: () => 0 });
    bus.subscribe(view.listener);
    bus.emit({
      type: 'run.started',
      command: 'build',
      capacity: 2,
      target: 'none',
      engine: { type: 'podman', endpoint: '' },
      steps: [
        {
          id: 'build:a',
          kind: 'build',
          subject: 'a',
          deps: [],
          claims: { engine: 1 },
          cached: false,
          estimateMs: 60_000,
        },
      ],
    });
    view.stop();
    expect(out.split('\x1b[').at(-1)).toContain(
      'tarmac build · run 20261205-160000-abcd · engine capacity 2 · time left unknown: no history yet',
    );
  });
});
