// The one converter from anything thrown to the serialisable error that `step.finished`, reports and triage carry.
import { toTarmacError } from '../errors/errors.js';
import type { EventError } from './types.js';

/** A thrown value as an EventError: code, message, hint, last output lines, the watchdog's engine probe and the typed fact. */
export function toEventError(error: unknown): EventError {
  const e = toTarmacError(error);
  return {
    code: e.code,
    message: e.message,
    ...(e.hint === undefined ? {} : { hint: e.hint }),
    ...(e.details.length > 0 ? { tail: e.details } : {}),
    ...(e.probe === undefined ? {} : { probe: e.probe }),
    ...(e.fact === undefined ? {} : { fact: e.fact }),
  };
}
