// What CI output is rendered from: one finished run, folded from its run directory. Plain data.
import type { EventError, StepState } from '../events/types.js';
import type { TriageResult } from '../triage/types.js';

export interface CiStep {
  id: string;
  state: StepState;
  /** Offset of its first start from the run's start, in ms; absent when it never started. */
  startMs?: number;
  durationMs?: number;
  detail?: string;
  error?: EventError;
  /** Line in the config of the image, deploy group, cluster or test section the step is about. */
  line?: number;
}

export interface CiTestCase {
  id: string;
  status: 'failed' | 'error';
  message?: string;
  /** Source file named by the JUnit XML (`file` attribute), when present. */
  file?: string;
}

export interface CiRun {
  runId: string;
  command: string;
  outcome: 'succeeded' | 'failed' | 'cancelled' | 'unfinished';
  durationMs?: number;
  /** The config file as annotations name it: relative to the repository (GITHUB_WORKSPACE) or cwd. */
  configFile: string;
  steps: CiStep[];
  tests?: {
    totals: { tests: number; passed: number; failed: number; skipped: number; errors: number };
    failing: CiTestCase[];
  };
  triage?: TriageResult;
  /** Files worth naming at the end (report, bundle), as paths shown to the user. */
  links: { label: string; path: string }[];
}
