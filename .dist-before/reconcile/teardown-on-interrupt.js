const TEARDOWN_TIMEOUT_MS = 12e4;
async function removeAfterInterrupt(target, bus, timeoutMs = TEARDOWN_TIMEOUT_MS) {
  bus.emit({
    type: "decision",
    message: `interrupted with --no-keep: removing the env (${target.type} ${target.name}), as \`tarmac down\` would`
  });
  try {
    const report = await target.down(AbortSignal.timeout(timeoutMs));
    for (const removed of report.removed) bus.emit({ type: "decision", message: `removed ${removed}` });
    for (const kept of report.keptForeign)
      bus.emit({ type: "decision", message: `left alone (not created by tarmac): ${kept}` });
    return report;
  } catch (error) {
    bus.emit({
      type: "decision",
      message: `could not remove the env: ${error instanceof Error ? error.message : String(error)}; run \`tarmac down\``
    });
    return void 0;
  }
}
export {
  TEARDOWN_TIMEOUT_MS,
  removeAfterInterrupt
};
//# sourceMappingURL=teardown-on-interrupt.js.map
