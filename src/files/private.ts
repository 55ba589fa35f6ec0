// tarmac's files hold step output, reports and (in the podman target's played YAML) Secrets: only their owner may
// read them. Every folder tarmac creates is 0700 and every file 0600; the umask can only take more away.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/** The mode of every folder tarmac creates under `.tarmac/`. */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of every file tarmac writes (journal, logs, reports, history, played YAML). */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` and its missing parents 0700, and tightens `dir` itself to 0700 if an older tarmac made it wider. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty 0600 if it is missing, else tightens it to 0600 (for files another library opens). */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
