import { makeStreamRedactor, redactDeep } from "../redact/redactor.js";
const systemClock = { now: () => Date.now() };
class EventBus {
  /** `redact` masks secrets in every event before anyone sees it: journal, views, history and reports all read redacted text. */
  constructor(runId, clock = systemClock, redact) {
    this.runId = runId;
    this.clock = clock;
    this.redact = redact;
    if (redact) this.redactLine = makeStreamRedactor(redact);
  }
  runId;
  clock;
  redact;
  listeners = /* @__PURE__ */ new Set();
  history = [];
  // A step's output arrives one line per event: a key block printed over many lines is masked per step.
  redactLine;
  /** Adds a listener; returns a function that removes it. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Stamps an event, records it and delivers it to every listener. */
  emit(input) {
    const clean = !this.redact ? input : input.type === "step.output" && this.redactLine ? { ...input, line: this.redactLine(input.stepId, input.line) } : redactDeep(input, this.redact);
    const event = { ...clean, at: this.clock.now(), runId: this.runId };
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }
}
export {
  EventBus,
  systemClock
};
//# sourceMappingURL=bus.js.map
