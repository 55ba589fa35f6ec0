// The HTML report of a real failed build, rendered by headless Chromium (Debian's `chromium`):
// no script errors, the SVG timeline visible with one bar per started step, a real screenshot.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/reader.js';
import { countColours, launchChromium, openPage } from '../support/headless-chromium.js';
import { removeEnvImages } from '../support/podman-query.js';
import { copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const env = uniqueEnvName('report-html');
let browser: Browser;
let dir: string;
let runDir: string;
const out = mkdtempSync(join(tmpdir(), 'tarmac-report-browser-'));

beforeAll(async () => {
  // The failing fixture: build:good succeeds, build:broken fails at its RUN step, build:after-broken is skipped.
  dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
  const build = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml'), '--plain']);
  expect(build.exitCode, build.all).toBe(4);
  const runs = join(dir, '.tarmac', 'runs');
  runDir = join(runs, readdirSync(runs)[0] ?? '');
  // The after-run stage wrote both reports into the run dir and said where, in one line.
  expect(build.stdout).toMatch(/^report: \S+report\.md · \S+report\.html$/m);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await removeEnvImages(env);
});

describe('the HTML report in headless Chromium', () => {
  it('renders with no script errors, the timeline visible with one bar per started step', async () => {
    const page = join(out, 'report.html');
    const report = await runTarmac(['report', '-f', join(dir, 'tarmac.yaml'), '--html', page]);
    expect(report.exitCode, report.all).toBe(0);
    expect(report.stdout).toContain('## Timeline: actual vs expected');
    const events = readJournal(runDir);
    const stepIds = events.flatMap((e) => (e.type === 'run.started' ? e.steps.map((s) => s.id) : []));
    const started = events.flatMap((e) => (e.type === 'step.started' ? [e.stepId] : []));
    expect(stepIds.sort()).toEqual(['build:after-broken', 'build:broken', 'build:good']);
    expect(started.sort()).toEqual(['build:broken', 'build:good']);

    for (const file of [page, join(runDir, 'report.html')]) {
      const { page: tab, problems } = await openPage(browser, `file://${file}`);
      const chart = await tab.$('svg.gantt');
      expect(chart).not.toBeNull();
      const box = await chart!.boundingBox();
      expect(box!.width).toBeGreaterThan(500);
      expect(box!.height).toBeGreaterThan(60);
      expect(await chart!.isVisible()).toBe(true);
      const lanes = await tab.$$eval('svg.gantt g.lane', (gs) => gs.map((g) => g.getAttribute('data-step')));
      expect(lanes.sort()).toEqual(stepIds);
      const bars = await tab.$$eval('svg.gantt rect.bar', (rs) =>
        rs.map((r) => ({
          step: r.getAttribute('data-step'),
          cls: r.getAttribute('class'),
          w: r.getBoundingClientRect().width,
        })),
      );
      expect(bars.map((b) => b.step).sort()).toEqual(started);
      expect(bars.every((b) => b.w >= 2)).toBe(true);
      expect(bars.find((b) => b.step === 'build:broken')?.cls).toBe('bar state-failed');
      expect(bars.find((b) => b.step === 'build:good')?.cls).toBe('bar state-succeeded');
      expect(await tab.$$eval('section > h2', (hs) => hs.map((h) => h.textContent))).toEqual([
        'Summary',
        'Component status',
        'Timeline: actual vs expected',
        'Root causes',
        'Recommended actions',
      ]);
      expect(problems).toEqual([]);
      await tab.close();
    }
  });

  it('takes a screenshot whose chart shows the coloured bars', async () => {
    const { page: tab, problems } = await openPage(browser, `file://${join(runDir, 'report.html')}`);
    const shot = join(out, 'report.png');
    await tab.screenshot({ path: shot, fullPage: true });
    const png = readFileSync(shot);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The failed bar, cut out of the rendered page: mostly the report's red, not blank.
    const failed = await tab.$('svg.gantt rect.bar.state-failed');
    const failedShot = await failed!.screenshot();
    const inBar = await countColours(browser, failedShot, { red: [0xd2, 0x31, 0x2d] });
    expect(inBar.counts.red! / inBar.pixels).toBeGreaterThan(0.8);
    // The whole chart: white background, grid, labels and both bar colours.
    const chart = await (await tab.$('svg.gantt'))!.screenshot();
    const inChart = await countColours(browser, chart, { red: [0xd2, 0x31, 0x2d], green: [0x2e, 0x9d, 0x52] });
    expect(inChart.counts.red).toBeGreaterThan(50);
    expect(inChart.counts.green).toBeGreaterThan(50);
    expect(inChart.distinct).toBeGreaterThan(10);
    writeFileSync(join(out, 'chart.png'), chart);
    expect(existsSync(join(out, 'chart.png'))).toBe(true);
    expect(problems).toEqual([]);
    await tab.close();
  });
});
