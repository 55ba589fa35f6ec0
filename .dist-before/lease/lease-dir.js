import { lstatSync, mkdirSync } from "node:fs";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { PRIVATE_DIR_MODE } from "../files/private.js";
function ensureLeaseDir(dir, uid = process.getuid?.()) {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = lstatSync(dir);
  const why = !stat.isDirectory() ? "it is not a folder (a symlink or a file)" : uid !== void 0 && stat.uid !== uid ? `it belongs to user ${stat.uid}, not to you (user ${uid})` : (stat.mode & 18) !== 0 ? `other users may write in it (mode ${(stat.mode & 511).toString(8).padStart(4, "0")})` : void 0;
  if (why === void 0) return;
  throw new TarmacError("LEASE_DIR_UNSAFE", `Refusing the engine lease folder ${dir}: ${why}`, {
    exitCode: ExitCode.environment,
    hint: `Another user could tamper with the lease there. Remove it if it is yours (rm -r ${dir}), or point TARMAC_LEASE_DIR at a folder of your own (mode 0700), or set TARMAC_HOST_LEASE=off.`
  });
}
export {
  ensureLeaseDir
};
//# sourceMappingURL=lease-dir.js.map
