import { describe, expect, it } from 'vitest';
import { makeRedactor } from '../redact/redactor.js';
import { EventBus } from '../events/bus.js';
import { renderMarkdown } from './markdown.js';
import { codeBlock, mdText } from './md-escape.js';
import { buildReport } from './report-model.js';
import { crashRun, sampleTriage } from './report.test-kit.js';

const noSecrets = makeRedactor([]);

describe('renderMarkdown', () => {
  it('has the five sections with the triage, the timeline against expected and the actions', () => {
    const md = renderMarkdown(
      buildReport({ events: crashRun(), triage: sampleTriage(), expected: { 'build:b': 4_000 } }),
      noSecrets,
    );
    expect(md.match(/^## .*/gm)).toEqual([
      '## Summary',
      '## Component status',
      '## Timeline: actual vs expected',
      '## Root causes',
      '## Recommended actions',
    ]);
    expect(md).toContain('- outcome: **FAILED**');
    expect(md).toContain('- steps: 4 steps: 1 succeeded, 1 failed, 1 cached, 1 skipped');
    expect(md).toContain('- ✗ build:b [BUILD_FAILED]: image build:b failed to build');
    expect(md).toContain('| kind node tarmac-control-plane | **down** | container exited (137) |');
    expect(md).toContain('| build:b | failed (2 attempts) | +200ms | 9.8s | 4.0s | +5.8s | 4.2s |');
    expect(md).toContain(
      '- +5.0s **engine-crash**: the engine crashed at 12:00:05: server probably quit; pausing new steps',
    );
    expect(md).toContain('### 1. The engine crashed during parallel builds (engine-crash), confidence 90%');
    expect(md).toMatch(
      /## Recommended actions\n\n1\. tarmac build --capacity 1\n2\. build:b: fix the Containerfile\n$/,
    );
  });

  it('says so in every section when the run succeeded and there is no triage or history', () => {
    let now = 0;
    const bus = new EventBus('r1', { now: () => now });
    bus.emit({
      type: 'run.started',
      command: 'build',
      capacity: 1,
      target: 'none',
      engine: { type: 'podman', endpoint: '' },
      steps: [{ id: 'build:x', kind: 'build', subject: 'x', deps: [], claims: { engine: 1 }, cached: false }],
    });
    bus.emit({ type: 'step.started', stepId: 'build:x', claims: { engine: 1 }, attempt: 1 });
    now = 2_000;
    bus.emit({ type: 'step.finished', stepId: 'build:x', state: 'succeeded', durationMs: 2_000 });
    bus.emit({ type: 'run.finished', outcome: 'succeeded', durationMs: 2_000 });
    const md = renderMarkdown(buildReport({ events: bus.history, expected: {} }), noSecrets);
    expect(md).toContain('## Component status\n\nNo triage: the run succeeded.');
    expect(md).toContain('No earlier successful runs of this env: expected durations are unknown.');
    expect(md).toContain('## Root causes\n\nNo triage: the run succeeded.');
    expect(md).toContain('## Recommended actions\n\nNone: the run succeeded.');
    expect(md).toContain('- tests: no test results in this run');
  });

  it('tells how to triage a failed run that has no triage', () => {
    const md = renderMarkdown(buildReport({ events: crashRun(), expected: {} }), noSecrets);
    expect(md).toContain('No triage was recorded for this run; run: tarmac triage 20260101-120000-abcd');
    // The failure's last output lines, verbatim in a code block.
    expect(md).toContain(
      '- ✗ build:b [BUILD_FAILED]: image build:b failed to build\n\n  ```\n  exit status 1\n  ```\n',
    );
  });

  it('neutralises raw HTML and table breaks in data, and redacts secrets', () => {
    const events = crashRun({
      b: 'build:<script>alert(1)</script>|x',
      output: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and hunter22pw',
    });
    const md = renderMarkdown(
      buildReport({ events, triage: sampleTriage({ evidence: 'pass hunter22pw' }), expected: {} }),
      makeRedactor(['hunter22pw']),
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain('build:\\<script\\>alert(1)\\</script\\>\\|x');
    expect(md).not.toMatch(/ghp_[A-Za-z0-9]{10}|hunter22pw/);
    expect(md).toContain('| kind node tarmac-control-plane | **down** | pass *** |');
  });

  it('lists an error the command threw (no failed step) as a failure of the run', () => {
    const events = crashRun().filter((e) => !(e.type === 'step.finished' && e.state === 'failed'));
    const md = renderMarkdown(
      buildReport({
        events,
        expected: {},
        thrown: { code: 'CLUSTER_CREATE_FAILED', message: 'kind create cluster failed', hint: 'see kind logs' },
      }),
      noSecrets,
    );
    expect(md).toContain('- ✗ run [CLUSTER_CREATE_FAILED]: kind create cluster failed');
    expect(md).toContain('1. run: see kind logs');
  });

  it('codeBlock fences longer than any backtick run inside, so output cannot close it', () => {
    expect(codeBlock(['a ```` b', 'c'])).toEqual(['`````', 'a ```` b', 'c', '`````']);
    expect(codeBlock(['plain'])).toEqual(['```', 'plain', '```']);
  });

  it('mdText escapes backslashes, backticks, pipes and angle brackets and joins lines', () => {
    expect(mdText('a|b\n<i>`c`\\')).toBe('a\\|b \\<i\\>\\`c\\`\\\\');
  });
});
