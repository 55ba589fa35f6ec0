import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { makePrivateFile, PRIVATE_DIR_MODE } from "../files/private.js";
import { dirname } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";
function openHistory(path, migrations = MIGRATIONS) {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  makePrivateFile(path);
  const db = new Database(path, { timeout: 2e3 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, path, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
function historyExists(path) {
  return existsSync(path);
}
function migrate(db, path, migrations = MIGRATIONS) {
  const known = migrations.length;
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true });
    if (version > known) throw historyTooNew(path, version, known);
    for (let v = version; v < known; v++) {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}
function historyTooNew(path, version, known) {
  return new TarmacError(
    "HISTORY_TOO_NEW",
    `${path} has history schema version ${version}; this tarmac knows versions up to ${known}`,
    {
      exitCode: ExitCode.environment,
      hint: "A newer tarmac wrote this file. Upgrade tarmac, or point history.path in tarmac.yaml at another file."
    }
  );
}
export {
  SCHEMA_VERSION,
  historyExists,
  migrate,
  openHistory
};
//# sourceMappingURL=store.js.map
