import { z } from "zod";
const UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
function parseDuration(value) {
  if (typeof value === "number") return Number.isFinite(value) ? Math.round(value * 1e3) : void 0;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  if (!/^-?((\d+(\.\d+)?)(ms|s|m|h))+$/.test(text)) return void 0;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * (UNIT_MS[unit ?? "s"] ?? 0);
  return Math.round(text.startsWith("-") ? -total : total);
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)}s`;
  const totalSec = Math.round(ms / 1e3);
  if (totalSec < 3600) return `${Math.floor(totalSec / 60)}m${String(totalSec % 60).padStart(2, "0")}s`;
  return `${Math.floor(totalSec / 3600)}h${String(Math.floor(totalSec % 3600 / 60)).padStart(2, "0")}m`;
}
const MAX_DURATION_MS = 7 * 24 * 36e5;
const durationMs = z.union([z.string(), z.number()], { error: 'Expected a duration such as "90s", "15m" or a number of seconds' }).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === void 0) {
    ctx.addIssue({
      code: "custom",
      message: `Expected a duration such as "90s", "15m" or a number of seconds, got \`${String(value)}\``
    });
    return z.NEVER;
  }
  if (ms <= 0) {
    ctx.addIssue({ code: "custom", message: `Expected a positive duration, got \`${String(value)}\`` });
    return z.NEVER;
  }
  if (ms > MAX_DURATION_MS) {
    ctx.addIssue({
      code: "custom",
      message: `Expected a duration of at most 7 days (168h), got \`${String(value)}\``
    });
    return z.NEVER;
  }
  return ms;
}).meta({ format: "duration" });
export {
  MAX_DURATION_MS,
  durationMs,
  formatDuration,
  parseDuration
};
//# sourceMappingURL=duration.js.map
