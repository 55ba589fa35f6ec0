// Shared by the deploy-phase rule tests (deploy-rules.test.ts, pod-rules.test.ts): a kind env, a pod's facts with
// defaults, and a run whose deploy step failed with a given error.
import type { ErrorCode } from '../../errors/codes.js';
import type { ErrorFact } from '../../errors/error-facts.js';
import type { PodFacts } from '../types.js';
import { journal, kindEnv, runOf } from '../triage.test-kit.js';

export const C = 'shop-e2e';
export const env = kindEnv(C);
/** A pod's facts: an unready, running api pod unless `p` says otherwise. */
export const pod = (p: Partial<PodFacts>): PodFacts => ({
  name: 'api-7d9c-x2k4q',
  phase: 'Running',
  ready: false,
  restarts: 0,
  reasons: [],
  images: ['localhost/api:tm-1'],
  events: [],
  logTail: [],
  ...p,
});
/** A run whose deploy:apps step failed with `code` and `message`. */
export const deployFail = (code: ErrorCode, message: string, tail: string[] = [], fact?: ErrorFact) =>
  runOf(
    journal([{ id: 'cluster' }, { id: 'deploy:apps', error: { code, message, tail, ...(fact ? { fact } : {}) } }]),
    env,
  );
