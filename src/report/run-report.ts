// Reads a saved run (journal and triage.json) into a report model, and writes report.md / report.html.
import { writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from '../files/private.js';
import type { EventError } from '../events/types.js';
import { readJournal } from '../journal/reader.js';
import type { Redactor } from '../redact/redactor.js';
import { readTriageFile } from '../triage/triage-file.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, type ReportModel } from './report-model.js';
import { reportFiles, triageFiles } from '../journal/run-dir.js';

export interface LoadedReport {
  model: ReportModel;
  /** Things the reader should know (an unreadable triage.json), one line each. */
  warnings: string[];
}

/** The report of the run in `dir`; its triage.json is used when present. */
export function loadRunReport(
  dir: string,
  runId: string,
  expected: Readonly<Record<string, number>>,
  thrown?: EventError,
): LoadedReport {
  const warnings: string[] = [];
  const events = readJournal(dir, (line) => warnings.push(line));
  const { triage, warning } = readTriageFile(triageFiles(dir).json);
  if (warning) warnings.push(warning);
  return {
    model: buildReport({ events, expected, runId, ...(triage ? { triage } : {}), ...(thrown ? { thrown } : {}) }),
    warnings,
  };
}

/** Writes `<dir>/report.md` and `<dir>/report.html`; returns their paths. */
export function writeRunReport(dir: string, model: ReportModel, redact: Redactor): { markdown: string; html: string } {
  const { markdown, html } = reportFiles(dir);
  writeFileSync(markdown, renderMarkdown(model, redact), { mode: PRIVATE_FILE_MODE });
  writeFileSync(html, renderHtml(model, redact), { mode: PRIVATE_FILE_MODE });
  return { markdown, html };
}
