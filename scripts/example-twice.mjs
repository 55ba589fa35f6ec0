// `npm run example -- --example full --twice`: checks that an example passes end to end on the podman target and that
// a second `up` changes nothing. It runs `tarmac up --json` (the example's suite included), then
// `tarmac up --json --no-test`, reads the second run's journal with tarmac's own reader and asks
// notCachedProblems (src/journal/all-cached.ts) whether every step finished `cached` (no build, delivery, apply
// or hook run), and always ends with `tarmac down`. Exit 0 only when both runs succeeded and nothing was redone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import process from 'node:process';

/** Runs the check on `file` with `env`; `extra` goes to both `up`s. Resolves with the exit code. */
export async function checkTwice({ root, file, extra, env }) {
  const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;
  if (!existsSync(join(root, 'dist', 'journal', 'all-cached.js'))) {
    console.error('example --twice: dist/ is missing or stale; run `npm run build` first');
    return 2;
  }
  const { readJournal } = await import(dist('journal/reader.js'));
  const { notCachedProblems } = await import(dist('journal/all-cached.js'));
  const tarmac = (args, stdout) =>
    spawnSync(process.execPath, [join(root, 'bin', 'tarmac.js'), ...args], {
      env,
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', stdout, 'inherit'],
      maxBuffer: 64 << 20,
    });
  const up = (label, more) => {
    const started = Date.now();
    const r = tarmac(['up', '-f', file, '--json', ...extra, ...more], 'pipe');
    // Without a JSON summary (a usage or config error) its stderr above is the whole explanation.
    const summary = r.stdout?.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(
      `example --twice: ${label} up exited ${String(r.status)} in ${seconds} s (${summary?.outcome ?? 'no summary'})`,
    );
    return { status: r.status ?? 1, summary };
  };
  try {
    const first = up('first', []);
    if (first.status !== 0) {
      console.error(`example --twice: FAILED: the first up did not pass (exit ${first.status}); see its output above`);
      return first.status;
    }
    const second = up('second', ['--no-test']);
    if (!second.summary?.journal) {
      console.error(`example --twice: FAILED: the second up wrote no journal (exit ${second.status})`);
      return second.status || 1;
    }
    const events = readJournal(second.summary.journal);
    const steps = events.find((e) => e.type === 'run.started')?.steps.length ?? 0;
    const problems = notCachedProblems(events, 'podman');
    if (problems.length > 0) {
      console.error(`example --twice: FAILED: the second up redid work (journal ${second.summary.journal}):`);
      for (const line of problems) console.error(`  ${line}`);
      return 1;
    }
    console.error(
      `example --twice: ok: the second up found all ${steps} steps cached (journal ${second.summary.journal})`,
    );
    return 0;
  } finally {
    const down = tarmac(['down', '-f', file], 'inherit');
    if (down.status !== 0) console.error(`example --twice: tarmac down exited ${String(down.status)}`);
  }
}
