// What the views print from outside (step output, step names, messages) cannot drive the terminal.
import { describe, expect, it } from 'vitest';
import { safeText } from '../ui/safe-text.js';
import { EventBus } from '../events/bus.js';
import { attachView } from './view.js';

describe('attachView', () => {
  it('prints hostile step output and messages with their control characters escaped', () => {
    let printed = '';
    const out = { write: (t: string) => void (printed += t), isTTY: false } as never;
    const bus = new EventBus('r1', { now: () => 1 });
    const view = attachView(bus, out, {}, { plain: true, verbose: true });
    bus.emit({ type: 'step.started', stepId: 'test', claims: { engine: 1 }, attempt: 1 });
    bus.emit({ type: 'step.output', stepId: 'test', line: '\u001b]0;owned\u0007\u001b[2Jcleared\rFAKE PASS' });
    bus.emit({
      type: 'step.finished',
      stepId: 'test',
      state: 'failed',
      durationMs: 5,
      error: { code: 'TESTS_FAILED', message: 'suite \u001b[32mPASSED\u001b[0m' },
    });
    view.stop();
    expect(printed).toContain('\\x1b]0;owned\\x07\\x1b[2Jcleared\\rFAKE PASS');
    expect(printed).toContain('suite \\x1b[32mPASSED\\x1b[0m');
    // Nothing left that safeText would escape.
    expect(safeText(printed)).toBe(printed);
  });
});
