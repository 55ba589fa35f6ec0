// Issue 14, eighth round: a podman machine whose VM exited because the installed emulator cannot run it at all (QEMU
// built without the accelerator or CPU model the machine asks for) never ran: its engine is unreachable, not crashed.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("a machine's VM that the installed emulator cannot run", () => {
  // Podman Desktop's docs, "Troubleshooting Podman on macOS", section "Podman machine on Apple silicon" (the dev case
  // podman-desktop-troubleshooting-macos-apple-silicon): an x86_64 QEMU from a Rosetta Homebrew on an arm64 Mac.
  it('invalid accelerator hvf and no CPU model host: unreachable (70%), no crash', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output: [
        'Error: qemu exited unexpectedly with exit code 1, stderr: qemu-system-x86_64: invalid accelerator hvf',
        'qemu-system-x86_64: falling back to tcg',
        "qemu-system-x86_64: unable to find CPU model 'host'",
      ].join('\n'),
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeCloseTo(0.7);
    expect(d.of('engine-crash')).toBe(0);
  });

  // QEMU system/vl.c: error_report("invalid accelerator %s", acc) alone.
  it('invalid accelerator alone is enough', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output: 'Error: qemu exited unexpectedly with exit code 1, stderr: qemu-system-aarch64: invalid accelerator kvm',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.of('engine-crash')).toBe(0);
  });

  it('near miss: an accelerator that exists and was denied at start stays the crash hint below 50%', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output: 'Error: qemu exited unexpectedly with exit code -1, stderr: qemu-system-x86_64: Error: HV_DENIED',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: the words without a VM that exited are no machine verdict', async () => {
    const d = await diagnoseShape({ phase: 'test', output: 'qemu-system-x86_64: invalid accelerator hvf' });
    expect(d.of('engine-unreachable')).toBe(0);
  });
});
