// A build's download whose bytes are not the ones recorded for it, in the package managers' own words (issue 14,
// twelfth round). Two readings: the repository, a mirror, a cache or a proxy served other bytes (a republished
// package, a transfer cut or altered on the way), or the recorded hash (a lockfile, go.sum, a requirements file) is
// stale or wrong. Read by build-dependency-download and build-failed, both below 50%. Pure.
import type { TriageInput } from '../types.js';
import { outputMatching } from './infra-markers.js';

/**
 * npm's (npm/ssri: `Integrity checksum failed when using sha512: wanted X but got Y`, error code `EINTEGRITY`), yarn
 * v1's (`Integrity check failed for "x" (computed integrity doesn't match our records ...)`), yarn 2+'s (YN0018
 * `The remote archive doesn't match the expected checksum`), pnpm's (`ERR_PNPM_TARBALL_INTEGRITY`), Maven's
 * (apache/maven-resolver ChecksumFailureException: `Checksum validation failed, expected ...`), the go command's
 * (golang/go src/cmd/go/internal/modfetch/fetch.go: `verifying M@V: checksum mismatch`, then `SECURITY ERROR`), pip's
 * (pypa/pip src/pip/_internal/exceptions.py HashErrors: `THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS
 * FILE`), cargo's (`failed to verify the checksum of `), dnf's and yum's (`Package does not match intended download`).
 */
export const DIGEST_MISMATCH =
  /\bEINTEGRITY\b|Integrity checksum failed when using|Integrity check failed for "|The remote archive doesn't match the expected checksum|ERR_PNPM_TARBALL_INTEGRITY|Checksum validation failed, expected|verifying \S+: checksum mismatch\b|THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE|failed to verify the checksum of `|Package does not match intended download/;

/** Quoted build lines where a package manager found a download's bytes other than recorded (DIGEST_MISMATCH). */
export function digestMismatch(input: TriageInput): string[] {
  return outputMatching(input, DIGEST_MISMATCH, 3, ['build']);
}
