#!/usr/bin/env node
// `npm test`: every check, in two phases that keep both cores busy.
// 1. build (the e2e files run bin/tarmac.js, which loads dist/), then the e2e setup once (podman config, the
//    example's shared images, the kind stand-in's node image: test/support/global-setup.ts), so the e2e projects
//    below only find it done. Beside them, from the start and at the lowest CPU priority (coreutils `nice`), lint
//    and typecheck, then (once the build is there) the unit project: one lane of checks, one after another;
// 2. beside that lane, two more:
//    - the e2e-serial files, one at a time, at normal priority. They kill engines or tarmac processes and wait on
//      real bounds and budgets (a collector's 4 s, an engine's recovery), so they get the CPU first;
//    - at the lowest CPU priority, the parallel e2e files (two at a time, longest first). Their podman work
//      (conmon, containers) inherits the priority.
//    Why all at once: the whole run is CPU-bound (process accounting: about 1,100 s of CPU on 2 cores), so what
//    sets its length is the CPU it needs, as long as no lane waits for another. The parallel e2e files are the
//    longest lane; the serial files mostly wait, so alone they would leave the CPU idle. They only need that
//    nothing beside them touches what they check (their own labels, images, processes and services; see
//    vitest.config.ts), not an idle machine.
// Every lane finishes, so every failure is shown. The serial lane's and the checks lane's output go to files printed
// after the parallel e2e files' output, so lanes never interleave.
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs `npm run <script>` with its output to our terminal (or appended to `logFile`); resolves to its exit code.
 * `niced`: at the lowest CPU priority (coreutils `nice`), so it only takes what the e2e files beside it leave.
 */
function npmRun(script, logFile, niced = false) {
  return new Promise((resolve) => {
    const out = logFile === undefined ? 'inherit' : openSync(logFile, 'a');
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

/** Runs the scripts one after another (output to `logFile` if given), stopping at the first failure; resolves to the failed one or undefined. */
async function chain(scripts, niced = false, logFile = undefined) {
  for (const script of scripts) {
    const line = `[test] npm run ${script}${niced ? ' (niced)' : ''}\n`;
    if (logFile === undefined) process.stdout.write(line);
    else appendFileSync(logFile, line);
    if ((await npmRun(script, logFile, niced)) !== 0) return script;
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

// Node reads the file NODE_EXTRA_CA_CERTS names at every start, before any script runs: with the system bundle (as
// this machine sets it) that is about 40 ms of CPU per node process here, and a run starts about 900 of them (npm,
// vitest, every tarmac and stand-in call). No test makes a TLS connection through node (the registries here are
// local and plain HTTP, podman talks to them), so the lanes start without it.
delete process.env.NODE_EXTRA_CA_CERTS;

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;

const logs = mkdtempSync(join(tmpdir(), 'tarmac-test-'));
const serialLog = join(logs, 'e2e-serial.log');
const checksLog = join(logs, 'checks.log');
// Lint and typecheck need neither dist/ nor podman: they start at once and fill the CPU the e2e setup leaves (its
// image builds wait on podman much of the time); the unit files then wait for the build (one checks the bundle).
console.log(`[test] lint and typecheck start now, then unit (output: ${checksLog})`);
const lintAndTypes = chain(['lint', 'typecheck'], true, checksLog);
const buildFailed = await chain(['build']);
const checks = lintAndTypes.then((failed) => failed ?? (buildFailed ? undefined : chain(['unit'], true, checksLog)));
const setupFailed = buildFailed ?? (await chain(['e2e:setup']));
if (setupFailed) {
  const checksFailed = await checks;
  process.stdout.write(readFileSync(checksLog, 'utf8'));
  finish([setupFailed, checksFailed].filter(Boolean));
}

console.log(`[test] ${elapsed()}: e2e:parallel, beside e2e:serial (output: ${serialLog}) and the checks`);
const [parallelCode, serialCode, checksFailed] = await Promise.all([
  npmRun('e2e:parallel', undefined, true),
  npmRun('e2e:serial', serialLog),
  checks,
]);
for (const [name, log] of [
  ['lint, typecheck, unit', checksLog],
  ['e2e:serial', serialLog],
]) {
  console.log(`[test] ${name} output:`);
  process.stdout.write(readFileSync(log, 'utf8'));
}
console.log(`[test] done in ${elapsed()}`);
finish(
  [parallelCode === 0 ? undefined : 'e2e:parallel', serialCode === 0 ? undefined : 'e2e:serial', checksFailed].filter(
    Boolean,
  ),
);
