// `tarmac report` through main(): which run it picks, the unknown-run error, --html, --json, redaction, and corrupt
// journal lines or triage.json (`tarmac triage` too): warnings, never a crash.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { parse, stringify } from 'yaml';
import { crashRun, sampleTriage } from '../src/report/report.test-kit.js';
import { journalLine } from '../src/journal/line.js';
import { copyProject, repoRoot, uniqueEnvName } from './support/tarmac-cli.js';

const PASSWORD = 'planted-Pa55word-report';

/** A project with two saved runs: an older successful one and the crash run (with triage.json). */
function project(): { dir: string; crashId: string } {
  const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), uniqueEnvName('report'));
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  config.registry = { url: '127.0.0.1:1/team', username: 'u', password: PASSWORD };
  writeFileSync(file, stringify(config));
  const writeRun = (id: string, lines: string[]) => {
    mkdirSync(join(dir, '.tarmac', 'runs', id, 'steps'), { recursive: true });
    writeFileSync(join(dir, '.tarmac', 'runs', id, 'events.jsonl'), `${lines.join('\n')}\n`);
  };
  writeRun('20250101-000000-0000', [
    journalLine({
      type: 'run.started',
      at: 1,
      runId: '20250101-000000-0000',
      command: 'build',
      capacity: 1,
      steps: [],
      target: 'none',
      engine: { type: 'podman', endpoint: '' },
    }).trimEnd(),
  ]);
  // The journal of an older tarmac that did not redact: the report must still not show the password.
  const crash = crashRun({ output: `login with ${PASSWORD}` });
  const crashId = crash[0]!.runId;
  writeRun(
    crashId,
    crash.map((e) => journalLine(e).trimEnd()),
  );
  writeFileSync(join(dir, '.tarmac', 'runs', crashId, 'triage.json'), JSON.stringify(sampleTriage()));
  return { dir, crashId };
}

describe('tarmac report', () => {
  it('reports the latest run by default, with its triage, and redacts the configured password', async () => {
    const { dir, crashId } = project();
    const { code, stdout, stderr } = await runCli(['report'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`# tarmac report: run ${crashId}`);
    expect(stdout).toContain('### 1. The engine crashed during parallel builds (engine-crash), confidence 90%');
    expect(stdout).toContain('login with ***');
    expect(stdout).not.toContain(PASSWORD);
  });

  it('takes a run id prefix, writes the HTML page with --html and prints JSON with --json', async () => {
    const { dir } = project();
    const target = join(dir, 'out.html');
    const { code, stdout, stderr } = await runCli(['report', '20250101', '--html', target, '--json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      runId: '20250101-000000-0000',
      command: 'build',
      outcome: 'unfinished',
    });
    expect(stderr).toBe(`report: wrote ${target}\n`);
    expect(readFileSync(target, 'utf8')).toMatch(/^<!doctype html>[\s\S]*The run started no steps\./);
  });

  it('names the runs dir and the latest runs when the run is unknown (exit 2)', async () => {
    const { dir, crashId } = project();
    const { code, stderr } = await runCli(['report', 'no-such-run'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`error[RUN_NOT_FOUND]: no run \`no-such-run\` in ${join(dir, '.tarmac', 'runs')}`);
    expect(stderr).toContain(`  |   ${crashId}\n  |   20250101-000000-0000\n`);
    expect(stderr).toContain(`leave RUN out for the latest (${crashId})`);
  });

  it('says there are no runs yet when the runs dir is empty', async () => {
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), uniqueEnvName('report'));
    const { code, stderr } = await runCli(['report'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`error[RUN_NOT_FOUND]: there are no runs yet in ${join(dir, '.tarmac', 'runs')}`);
    expect(stderr).toContain('hint: Run `tarmac build`, `tarmac up` or `tarmac test` first');
  });

  it('refuses an ambiguous prefix and lists what it matches', async () => {
    const { dir } = project();
    const { code, stderr } = await runCli(['report', '20'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('`20` matches 2 runs');
  });

  it('skips a corrupt journal line and a malformed triage.json with warnings naming them, and still reports (exit 0)', async () => {
    const { dir, crashId } = project();
    const runDir = join(dir, '.tarmac', 'runs', crashId);
    const journal = join(runDir, 'events.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines.splice(1, 0, 'null', '{"v":1,"type":"step.finished","at":1,"runId":"r","stepId":7}');
    writeFileSync(journal, lines.join('\n'));
    writeFileSync(join(runDir, 'triage.json'), JSON.stringify({ verdicts: 'none' }));
    const { code, stdout, stderr } = await runCli(['report'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain(`warning: ${journal}:2: not an event object (null); skipped\n`);
    expect(stderr).toContain(`warning: ${journal}:3: not a valid step.finished at stepId:`);
    expect(stderr).toContain(`warning: ${join(runDir, 'triage.json')} is not a valid triage at generatedAt:`);
    expect(stdout).toContain(`# tarmac report: run ${crashId}`);
    expect(stdout).toContain('login with ***');
  });

  it('triage of a run with a null journal line warns with the file and line and exits 0', async () => {
    const { dir, crashId } = project();
    const journal = join(dir, '.tarmac', 'runs', crashId, 'events.jsonl');
    writeFileSync(journal, `null\n${readFileSync(journal, 'utf8')}`);
    const { code, stdout, stderr } = await runCli(['triage', crashId, '--json'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain(`warning: ${journal}:1: not an event object (null); skipped\n`);
    expect(JSON.parse(stdout)).toMatchObject({ runId: crashId });
  });
});
