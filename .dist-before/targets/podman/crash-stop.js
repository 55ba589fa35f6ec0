import { CancelledError } from "../../errors/errors.js";
import { sleep } from "../../watch/timeout.js";
const STOP_ATTEMPTS = 10;
const SETTLE_POLLS = 20;
const SETTLE_POLL_MS = 100;
async function stopCrashLoop(cli, store, container, evidence, signal) {
  const record = { ...evidence, at: (/* @__PURE__ */ new Date()).toISOString() };
  await store.update((state) => {
    state.stopped = { ...state.stopped, [container.id]: record };
  });
  await stopForGood(cli, container.id, signal);
  return record;
}
async function stopForGood(cli, id, signal) {
  for (let attempt = 0; attempt < STOP_ATTEMPTS; attempt++) {
    await cli.run(["stop", "-t", "0", id], { signal });
    for (let poll = 0; poll < SETTLE_POLLS; poll++) {
      const status = await statusOf(cli, id, signal);
      if (status === "exited" || status === void 0) return true;
      if (status !== "stopped") break;
      await sleep(SETTLE_POLL_MS, signal);
      if (signal?.aborted) throw new CancelledError();
    }
  }
  return false;
}
async function statusOf(cli, id, signal) {
  const result = await cli.run(["container", "inspect", "--format", "{{.State.Status}}", id], { signal });
  return result.ok ? result.stdout.trim() : void 0;
}
function stoppedEvent(container, record) {
  return {
    type: "Warning",
    reason: "BackOff",
    message: `tarmac stopped crash-looping container ${container} at ${record.at} (podman restarts without back-off); tarmac down removes it`
  };
}
export {
  stopCrashLoop,
  stoppedEvent
};
//# sourceMappingURL=crash-stop.js.map
