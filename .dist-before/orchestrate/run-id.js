import { randomBytes } from "node:crypto";
function newRunId(now = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  const day = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${day}-${time}-${randomBytes(2).toString("hex")}`;
}
export {
  newRunId
};
//# sourceMappingURL=run-id.js.map
