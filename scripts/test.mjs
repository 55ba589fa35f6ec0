#!/usr/bin/env node
// `npm test`: every check, in two phases that keep both cores busy.
// 1. build (the e2e files run bin/tarmac.js, which loads dist/), then the e2e setup once (podman config, the
//    example's shared images, the kind stand-in's node image: test/support/global-setup.ts), so the e2e projects
//    below only find it done;
// 2. at the same time:
//    - the e2e-serial files, one at a time, at normal priority. They kill engines or tarmac processes and wait on
//      real bounds and budgets (a collector's 4 s, an engine's recovery), so they get the CPU first;
//    - at the lowest CPU priority (coreutils `nice`): lint, typecheck, the unit project, then the parallel e2e files
//      (two at a time). Their podman work (conmon, containers) inherits the priority.
//    Why together: the serial files mostly wait, so alone they leave the CPU idle. They only need that nothing
//    beside them touches what they check (their own labels, images, processes and services; see vitest.config.ts),
//    not an idle machine.
// Both sides finish, so every failure is shown. The serial files' output is kept in a file and printed after the
// other side's, so the two never interleave.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs `npm run <script>` with its output to our terminal (or to `logFile`); resolves to its exit code.
 * `niced`: at the lowest CPU priority (coreutils `nice`), so it only takes what the e2e files beside it leave.
 */
function npmRun(script, logFile, niced = false) {
  return new Promise((resolve) => {
    const out = logFile === undefined ? 'inherit' : openSync(logFile, 'w');
    const argv = [npm, 'run', '--silent', script];
    const [cmd, ...args] = niced && process.platform === 'linux' ? ['nice', '-n', '19', ...argv] : argv;
    const child = spawn(cmd, args, { stdio: ['ignore', out, out] });
    child.on('error', (error) => {
      console.error(`[test] could not start npm run ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      if (typeof out === 'number') closeSync(out);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs the scripts one after another, stopping at the first failure; resolves to the failed one or undefined. */
async function chain(scripts, niced = false) {
  for (const script of scripts) {
    console.log(`[test] npm run ${script}${niced ? ' (niced)' : ''}`);
    if ((await npmRun(script, undefined, niced)) !== 0) return script;
  }
  return undefined;
}

function finish(failed) {
  if (failed.length === 0) {
    console.log('[test] all checks passed');
    process.exit(0);
  }
  console.error(`[test] failed: ${failed.join(', ')}`);
  process.exit(1);
}

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;

const setupFailed = await chain(['build', 'e2e:setup']);
if (setupFailed) finish([setupFailed]);

const serialLog = join(mkdtempSync(join(tmpdir(), 'tarmac-test-')), 'e2e-serial.log');
console.log(`[test] npm run e2e:serial, beside lint, typecheck, unit and e2e:parallel (its output: ${serialLog})`);
const [othersFailed, serialCode] = await Promise.all([
  chain(['lint', 'typecheck', 'unit', 'e2e:parallel'], true),
  npmRun('e2e:serial', serialLog),
]);
console.log(`[test] e2e:serial output (${elapsed()} in):`);
process.stdout.write(readFileSync(serialLog, 'utf8'));
console.log(`[test] done in ${elapsed()}`);
finish([othersFailed, serialCode === 0 ? undefined : 'e2e:serial'].filter(Boolean));
