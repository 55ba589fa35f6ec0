import { z } from "zod";
import { parseDuration } from "./duration.js";
const DAY_MS = 864e5;
function parseAge(value) {
  if (typeof value === "number") return parseDuration(value);
  const match = /^(\d+(?:\.\d+)?)d(.*)$/.exec(value.trim());
  if (!match?.[1]) return parseDuration(value);
  const rest = match[2] ?? "";
  const restMs = rest === "" ? 0 : parseDuration(rest);
  if (restMs === void 0 || /^\d+(\.\d+)?$/.test(rest)) return void 0;
  return Math.round(Number(match[1]) * DAY_MS) + restMs;
}
const AGE_EXAMPLE = 'Expected an age such as "7d", "36h" or a number of seconds';
const MAX_AGE_MS = 3650 * DAY_MS;
const ageMs = z.union([z.string(), z.number()], { error: AGE_EXAMPLE }).transform((value, ctx) => {
  const ms = parseAge(value);
  if (ms === void 0) {
    ctx.addIssue({ code: "custom", message: `${AGE_EXAMPLE}, got \`${String(value)}\`` });
    return z.NEVER;
  }
  if (ms <= 0) {
    ctx.addIssue({ code: "custom", message: `Expected a positive age, got \`${String(value)}\`` });
    return z.NEVER;
  }
  if (ms > MAX_AGE_MS) {
    ctx.addIssue({ code: "custom", message: `Expected an age of at most 3650d, got \`${String(value)}\`` });
    return z.NEVER;
  }
  return ms;
}).meta({ format: "age" });
export {
  MAX_AGE_MS,
  ageMs,
  parseAge
};
//# sourceMappingURL=age.js.map
