// The executor contract shared by all step kinds, as the scheduler defines it.
export type { ExecutorContext as StepContext, ExecutorResult as StepResult } from '../../plan/step-executor.js';
