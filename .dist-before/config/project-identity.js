import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
function projectIdentity(configFile) {
  const path = realPath(configFile);
  return { id: createHash("sha256").update(path).digest("hex").slice(0, 12), path };
}
function realPath(file) {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}
function envIdentity(env) {
  const project = projectIdentity(env.file);
  return { env: env.name, project: project.id, projectPath: project.path };
}
export {
  envIdentity,
  projectIdentity
};
//# sourceMappingURL=project-identity.js.map
