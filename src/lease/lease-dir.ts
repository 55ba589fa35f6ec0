// The lease dir is shared by this user's tarmac runs only. In a temp folder anyone can create it first, so before
// tarmac trusts its lease file there, the folder must be a real folder owned by this user that nobody else may write.
import { lstatSync, mkdirSync } from 'node:fs';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { PRIVATE_DIR_MODE } from '../files/private.js';

/** Creates the lease dir 0700 if missing; refuses one that is a symlink, another user's, or group/other-writable. */
export function ensureLeaseDir(dir: string, uid: number | undefined = process.getuid?.()): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = lstatSync(dir);
  const why = !stat.isDirectory()
    ? 'it is not a folder (a symlink or a file)'
    : uid !== undefined && stat.uid !== uid
      ? `it belongs to user ${stat.uid}, not to you (user ${uid})`
      : (stat.mode & 0o022) !== 0
        ? `other users may write in it (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')})`
        : undefined;
  if (why === undefined) return;
  throw new TarmacError('LEASE_DIR_UNSAFE', `Refusing the engine lease folder ${dir}: ${why}`, {
    exitCode: ExitCode.environment,
    hint: `Another user could tamper with the lease there. Remove it if it is yours (rm -r ${dir}), or point TARMAC_LEASE_DIR at a folder of your own (mode 0700), or set TARMAC_HOST_LEASE=off.`,
  });
}
