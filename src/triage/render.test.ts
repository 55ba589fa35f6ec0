import { describe, expect, it } from 'vitest';
import { renderTriageMarkdown } from './render-md.js';
import { renderTriageText } from './render-text.js';
import type { TriageResult } from './types.js';

const result: TriageResult = {
  runId: '20251215-194110-ab12',
  generatedAt: Date.UTC(2025, 11, 15, 19, 59),
  durationMs: 3200,
  status: [
    { component: 'engine', status: 'ok', evidence: 'podman 4.3.1 answered in 80ms' },
    { component: 'kind node container', status: 'down', evidence: 'no node container | `podman ps -a` shows none' },
  ],
  verdicts: [
    {
      ruleId: 'kind-node-stopped',
      title: 'The kind node container is not running',
      confidence: 0.9,
      summary: 'The cluster is listed but its node is gone.',
      evidence: ['clusters: aianalysis-e2e has no node container'],
      actions: ['kind delete cluster --name aianalysis-e2e'],
    },
  ],
  collectors: [
    { name: 'engine', ok: true, timedOut: false, durationMs: 90 },
    { name: 'workloads', ok: false, timedOut: true, durationMs: 6000, error: 'no answer within 6.0s' },
  ],
};

describe('triage renderings', () => {
  it('markdown: status table (pipes escaped), ranked verdicts with confidence, evidence and actions, collectors', () => {
    const md = renderTriageMarkdown(result);
    expect(md).toContain('# Triage of run 20251215-194110-ab12');
    expect(md).toContain('| kind node container | DOWN | no node container \\| `podman ps -a` shows none |');
    expect(md).toContain('### 1. The kind node container is not running (confidence 90%, rule `kind-node-stopped`)');
    expect(md).toContain('- `clusters: aianalysis-e2e has no node container`');
    expect(md).toContain('1. `kind delete cluster --name aianalysis-e2e`');
    expect(md).toContain('| workloads | timed out: no answer within 6.0s | 6000 ms |');
  });

  it('markdown: the unclassified section lists what is abnormal', () => {
    const md = renderTriageMarkdown({
      ...result,
      verdicts: [],
      unclassified: { summary: 'No known failure mode matches.', abnormal: ['journal build:x: failed'] },
    });
    expect(md).toContain('No known failure mode matched.');
    expect(md).toContain('## Unclassified\n\nNo known failure mode matches.\n\n- `journal build:x: failed`');
  });

  it('terminal: the top verdict, its evidence and actions, the bad rows and the path of triage.md', () => {
    const text = renderTriageText(result, { markdownPath: '.tarmac/runs/x/triage.md' });
    expect(text.split('\n')).toEqual([
      'triage: The kind node container is not running (confidence 90%, rule kind-node-stopped)',
      '  The cluster is listed but its node is gone.',
      '  evidence:',
      '    - clusters: aianalysis-e2e has no node container',
      '  do:',
      '    kind delete cluster --name aianalysis-e2e',
      '  status:',
      '    kind node container: DOWN no node container | `podman ps -a` shows none',
      '  full triage: .tarmac/runs/x/triage.md',
      '',
    ]);
  });
});
