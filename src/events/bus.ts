// In-process event bus: stamps events with time and run id and hands them to every subscriber.
import type { EventInput, TarmacEvent } from './types.js';
import { makeStreamRedactor, redactDeep, type LineRedactor, type Redactor } from '../redact/redactor.js';

export type Listener = (event: TarmacEvent) => void;

/** A clock; tests pass a fake one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** One run's event stream; subscribers are called synchronously, in order. */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  readonly history: TarmacEvent[] = [];
  // A step's output arrives one line per event: a key block printed over many lines is masked per step.
  private readonly redactLine?: LineRedactor;

  /** `redact` masks secrets in every event before anyone sees it: journal, views, history and reports all read redacted text. */
  constructor(
    readonly runId: string,
    private readonly clock: Clock = systemClock,
    private readonly redact?: Redactor,
  ) {
    if (redact) this.redactLine = makeStreamRedactor(redact);
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stamps an event, records it and delivers it to every listener. */
  emit(input: EventInput): TarmacEvent {
    const clean = !this.redact
      ? input
      : input.type === 'step.output' && this.redactLine
        ? { ...input, line: this.redactLine(input.stepId, input.line) }
        : redactDeep(input, this.redact);
    const event = { ...clean, at: this.clock.now(), runId: this.runId } as TarmacEvent;
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }
}
