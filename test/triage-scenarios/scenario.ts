// A triage scenario: a failure produced for real (real podman; kind stand-ins), the run dir tarmac triaged, and what
// its triage must say. The record script (scripts/record-triage-scenarios.ts) saves each run as a recording that
// test/triage-recorded.test.ts replays offline; a few e2e files run the same scenarios for the wiring.
import type { ComponentStatus } from '../../src/triage/types.js';
import type { kindScenarios } from '../e2e/triage-kind-kit.js';
import type { scenarioProjects } from '../e2e/triage-scenario-kit.js';

/** Regexes as source strings (so they are stored with the recording); a list: each must match. */
export type Patterns = string | string[];

/** What the triage must say. */
export interface Expectation {
  /** The top verdict's rule id, or `unclassified` when no rule may match. */
  top: string;
  summary?: Patterns;
  /** Matched against the top verdict's evidence lines joined by newlines. */
  evidence?: Patterns;
  actions?: Patterns;
  minConfidence?: number;
  /** Rules that must be among the verdicts too. */
  also?: string[];
  /** Rules that may match, but below this confidence (e.g. build-failed beside a full disk). */
  below?: Record<string, number>;
  /** Status table rows by component. */
  status?: Record<string, ComponentStatus>;
  /** Matched against unclassified.abnormal joined by newlines. */
  abnormal?: Patterns;
}

/** What a scenario run left: the triaged run dir, the command's exit and output, and the expectation. */
export interface ScenarioOutcome {
  runDir: string;
  exitCode: number | undefined;
  output: string;
  expect: Expectation;
}

/** What scenarios share while they run: one base image, the project kits, and cleanups for afterwards. */
export interface ScenarioKits {
  /** The busybox base image every project builds on. */
  base: string;
  label: string;
  podman: ReturnType<typeof scenarioProjects>;
  kind: ReturnType<typeof kindScenarios>;
  /** Runs `cleanup` after the scenarios (services, registries, mounts). */
  defer(cleanup: () => Promise<void> | void): void;
}

export interface TriageScenario {
  /** The recording's directory name under test/fixtures/triage-recorded/. */
  name: string;
  /** The e2e file the scenario came from. */
  from: string;
  /** The exit code the command must end with (`nonzero`: any failure). */
  exit: number | 'nonzero';
  run(kits: ScenarioKits): Promise<ScenarioOutcome>;
}
