import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { makePrivateDir, PRIVATE_FILE_MODE } from "../files/private.js";
const DISK_FACTS_MAX_AGE_MS = 10 * 6e4;
function factsScope(engine, processEnv) {
  const vars = ["CONTAINERS_STORAGE_CONF", "CONTAINERS_CONF", "CONTAINER_HOST", "DOCKER_HOST"];
  return JSON.stringify([engine.name, engine.endpoint, ...vars.map((v) => processEnv[v] ?? "")]);
}
function recentDiskFacts(file, scope, now) {
  if (!existsSync(file)) return void 0;
  try {
    const facts = JSON.parse(readFileSync(file, "utf8"));
    const age = now - facts.at;
    return facts.scope === scope && age >= 0 && age <= DISK_FACTS_MAX_AGE_MS && Array.isArray(facts.paths) && Array.isArray(facts.images) ? facts : void 0;
  } catch {
    return void 0;
  }
}
function writeDiskFacts(file, facts) {
  makePrivateDir(dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(facts)}
`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file);
}
export {
  DISK_FACTS_MAX_AGE_MS,
  factsScope,
  recentDiskFacts,
  writeDiskFacts
};
//# sourceMappingURL=recent-facts.js.map
