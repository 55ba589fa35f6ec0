import { formatDuration } from "../config/duration.js";
import { CancelledError, ExitCode, TarmacError, toTarmacError } from "../errors/errors.js";
import { expectationsFor } from "./expected-pods.js";
import { hintFor } from "./verdict-hints.js";
import { systemWaitClock } from "./wait-clock.js";
import { waitsForCondition, workloadName, workloadStatuses } from "./workload-status.js";
const DEFAULT_INTERVAL_MS = 2e3;
async function waitReady(opts) {
  const { group, signal, output } = opts;
  const clock = opts.clock ?? systemWaitClock;
  const start = clock.now();
  if (group.waitFor.length === 0) return output("no workloads to wait for");
  const expected = expectationsFor(
    group.waitFor,
    group.objects.map((o) => o.object)
  );
  const shown = /* @__PURE__ */ new Map();
  let statuses = [];
  let listError;
  for (; ; ) {
    checkCancelled(signal, group.name);
    try {
      const [pods, conditions] = await Promise.all([opts.pods(signal), readConditions(opts, signal)]);
      listError = void 0;
      shown.delete("pods");
      statuses = workloadStatuses(group.waitFor, pods, expected, conditions);
    } catch (err) {
      checkCancelled(signal, group.name);
      listError = toTarmacError(err);
      say(shown, "pods", `could not list pods, will retry: ${listError.message}`, output);
    }
    for (const status of statuses) say(shown, workloadName(status.ref), progressLine(status), output);
    const failed = statuses.find((s) => s.state === "failed");
    if (failed) throw deployFailed(group.name, failed);
    if (statuses.length > 0 && statuses.every((s) => s.state === "ready")) return;
    const elapsed = clock.now() - start;
    if (elapsed >= opts.deadlineMs) throw deployTimeout(group, statuses, opts.deadlineMs, listError);
    await clock.sleep(Math.min(opts.intervalMs ?? DEFAULT_INTERVAL_MS, opts.deadlineMs - elapsed), signal);
  }
}
async function readConditions(opts, signal) {
  const readings = /* @__PURE__ */ new Map();
  for (const ref of opts.group.waitFor.filter(waitsForCondition)) {
    const reading = opts.condition ? await opts.condition(ref, signal) : { status: "Unknown", detail: "this target cannot read object conditions" };
    readings.set(`${ref.kind}/${ref.name}`, reading);
  }
  return readings;
}
function say(shown, key, line, output) {
  if (shown.get(key) === line) return;
  shown.set(key, line);
  output(line);
}
function progressLine(s) {
  if (s.state === "ready") return `${workloadName(s.ref)}: ready (${s.detail})`;
  return `${workloadName(s.ref)}: ${s.state === "failed" ? "failed: " : ""}${s.reason} (${s.detail})`;
}
function deployFailed(group, s) {
  return new TarmacError(
    "DEPLOY_FAILED",
    `deploy ${group}: ${workloadName(s.ref)}: pod ${s.pod ?? "?"}: ${s.reason} (${s.detail})`,
    {
      exitCode: ExitCode.infrastructure,
      details: s.evidence,
      hint: `${capitalise(hintFor(s.reason))}.`,
      fact: workloadsFact([s])
    }
  );
}
function deployTimeout(group, statuses, deadlineMs, listError) {
  const pending = statuses.filter((s) => s.state !== "ready");
  const why = pending.map((s) => `${workloadName(s.ref)}: ${s.reason} (${s.detail})`);
  if (listError) why.push(`the last pod listing failed: ${listError.message}`);
  const first = pending[0];
  return new TarmacError(
    "DEPLOY_TIMEOUT",
    `deploy ${group.name}: not ready after ${formatDuration(deadlineMs)}: ${why.join("; ")}`,
    {
      exitCode: ExitCode.infrastructure,
      details: pending.flatMap((s) => s.evidence.map((line) => `${workloadName(s.ref)}: ${line}`)),
      hint: `${first ? `${capitalise(hintFor(first.reason))}. ` : ""}If it only needs longer, raise \`timeouts.deploy\` in tarmac.yaml.`,
      fact: workloadsFact(pending),
      ...listError ? { cause: listError } : {}
    }
  );
}
function workloadsFact(statuses) {
  return {
    type: "workloads",
    workloads: statuses.map((s) => ({
      workload: workloadName(s.ref),
      state: s.state === "failed" ? "failed" : "waiting",
      reason: s.reason,
      ...s.pod === void 0 ? {} : { pod: s.pod },
      ...s.exitCode === void 0 ? {} : { exitCode: s.exitCode }
    }))
  };
}
function checkCancelled(signal, group) {
  if (!signal.aborted) return;
  if (signal.reason instanceof TarmacError) throw signal.reason;
  throw new CancelledError(`deploy ${group}: cancelled while waiting for readiness`);
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
export {
  waitReady
};
//# sourceMappingURL=wait-ready.js.map
