import { describe, expect, it } from 'vitest';
import { makeRedactor } from '../redact/redactor.js';
import { escapeHtml, html, raw } from './html-escape.js';
import { tickStep } from './html-gantt.js';
import { renderHtml } from './html.js';
import { buildReport } from './report-model.js';
import { crashRun, sampleTriage } from './report.test-kit.js';

const HOSTILE = `build:<script>alert("x")</script>'&<img src=x onerror=alert(1)>`;

describe('escapeHtml and the html template', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script>'&`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;',
    );
  });

  it('escapes every interpolation except markup it produced, joins arrays and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(
      html`<p title="${'"onmouseover="x'}">${inner}${['<a>', raw('<br>')]}${undefined}${false}${0}</p>`.value,
    ).toBe('<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;a&gt;<br>0</p>');
  });
});

describe('renderHtml', () => {
  const page = renderHtml(
    buildReport({ events: crashRun(), triage: sampleTriage(), expected: { 'build:a': 3_000 } }),
    makeRedactor([]),
  );

  it('is one self-contained page: inline CSS, no scripts, no external resources', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(page).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it('has the sections and a Gantt chart with a lane per step, a bar per attempt, expected, waits and markers', () => {
    for (const id of ['summary', 'status', 'timeline', 'causes', 'actions'])
      expect(page).toContain(`<section id="${id}">`);
    expect(page.match(/<svg class="gantt"/g)).toHaveLength(1);
    expect(page.match(/<g class="lane[^"]*" data-step=/g)).toHaveLength(4);
    expect(page.match(/<rect class="bar state-[a-z]+" data-step="build:b"/g)).toEqual([
      '<rect class="bar state-cancelled" data-step="build:b"',
      '<rect class="bar state-failed" data-step="build:b"',
    ]);
    expect(page.match(/<rect class="expected"/g)).toHaveLength(1);
    expect(page).toMatch(/<rect class="queued"[^>]*><title>build:b attempt 2: waited 4\.0s before starting<\/title>/);
    expect(page).toMatch(
      /<g class="marker incident" data-kind="engine-crash">.*<title>engine-crash at \+5\.0s: the engine crashed/,
    );
    expect(page.match(/<circle class="marker probe (ok|bad)"/g)).toHaveLength(2);
    expect(page).toContain('<span class="status status-down">down</span>');
  });

  it('escapes hostile step ids and output everywhere and redacts secrets', () => {
    const events = crashRun({ b: HOSTILE, output: 'pw=s3cr3t-value Bearer abc.def.ghi' });
    const hostile = renderHtml(
      buildReport({ events, triage: sampleTriage({ evidence: HOSTILE, action: 'echo s3cr3t-value' }), expected: {} }),
      makeRedactor(['s3cr3t-value']),
    );
    expect(hostile).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(hostile).toContain(
      'build:&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(hostile).not.toContain('s3cr3t-value');
    expect(hostile).not.toContain('abc.def.ghi');
    expect(hostile).toContain('echo ***');
  });

  it('says why sections are empty for a successful run without triage', () => {
    const ok = renderHtml(
      buildReport({ events: crashRun().filter((e) => e.type === 'run.started'), expected: {} }),
      makeRedactor([]),
    );
    expect(ok).toContain('No triage was recorded for this run');
    expect(ok).toContain('UNFINISHED');
  });
});

describe('tickStep', () => {
  it('picks 1, 2 or 5 times a power of ten for about eight ticks', () => {
    expect(tickStep(14_100)).toBe(2_000);
    expect(tickStep(60_000)).toBe(10_000);
    expect(tickStep(1)).toBe(1);
    expect(tickStep(3_600_000)).toBe(500_000);
  });
});
