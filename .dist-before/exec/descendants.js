import { readdirSync, readFileSync } from "node:fs";
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return void 0;
  }
}
function descendantsOf(root) {
  let pids;
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  const children = /* @__PURE__ */ new Map();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent === void 0) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const found = [];
  const queue = [...children.get(root) ?? []];
  while (queue.length > 0) {
    const pid = queue.shift();
    found.push(pid);
    queue.push(...children.get(pid) ?? []);
  }
  return found;
}
function signalEach(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
export {
  descendantsOf,
  signalEach
};
//# sourceMappingURL=descendants.js.map
