import { z } from "zod";
const UNIT_BYTES = {
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1e3,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1e3 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1e3 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1e3 ** 4
};
function parseSize(value) {
  if (typeof value === "number") return Number.isFinite(value) ? Math.round(value) : void 0;
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!match?.[1]) return void 0;
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "" ? 1 : UNIT_BYTES[unit];
  return factor === void 0 ? void 0 : Math.round(Number(match[1]) * factor);
}
function formatSize(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return i === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[i] ?? ""}`;
}
const SIZE_EXAMPLE = 'Expected a size such as "2GiB", "500MiB" or a number of bytes';
const MAX_SIZE_BYTES = 1024 ** 5;
const sizeBytes = z.union([z.string(), z.number()], { error: SIZE_EXAMPLE }).transform((value, ctx) => {
  const bytes = parseSize(value);
  if (bytes === void 0) {
    ctx.addIssue({ code: "custom", message: `${SIZE_EXAMPLE}, got \`${String(value)}\`` });
    return z.NEVER;
  }
  if (bytes <= 0) {
    ctx.addIssue({ code: "custom", message: `Expected a positive size, got \`${String(value)}\`` });
    return z.NEVER;
  }
  if (bytes > MAX_SIZE_BYTES) {
    ctx.addIssue({ code: "custom", message: `Expected a size of at most 1 PiB, got \`${String(value)}\`` });
    return z.NEVER;
  }
  return bytes;
}).meta({ format: "size" });
export {
  MAX_SIZE_BYTES,
  formatSize,
  parseSize,
  sizeBytes
};
//# sourceMappingURL=size.js.map
