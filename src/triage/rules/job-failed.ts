// A Job failed: the Job controller's failure conditions (kubernetes pkg/controller/job): BackoffLimitExceeded ("Job
// has reached the specified backoff limit"), DeadlineExceeded ("Job was active longer than specified deadline"),
// PodFailurePolicy (a FailJob rule matched: "Container C for pod ns/p failed with exit code N matching FailJob rule at
// index I", "Pod ns/p has condition T matching FailJob rule at index I"), MaxFailedIndexesExceeded ("Job has exceeded
// the specified maximal number of failed indexes") and FailedIndexes ("Job has failed indexes"). Its pods failed (or
// ran too long): the reason is in their logs. gRPC's status of the same name (`rpc error: code = DeadlineExceeded
// desc = ...`, a call that ran out its deadline) is no Job's condition.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';

const JOB =
  /BackoffLimitExceeded|reache?d? the specified backoff limit|(?<!code = )\bDeadlineExceeded\b(?!: context deadline| desc = )|was active longer than specified deadline|Job failed:|\bmatching FailJob rule at index \d+|MaxFailedIndexesExceeded|exceeded the specified maximal number of failed indexes|\bJob has failed indexes\b/i;
/**
 * A FailJob rule of the Job's podFailurePolicy matched a failed pod: the Job failed on its first such failure. (Its
 * reason's name alone is not read: `podFailurePolicy` is also the spec field a manifest carries.)
 */
const POLICY = /matching FailJob rule/i;
/** An indexed Job with backoffLimitPerIndex: indexes failed (maxFailedIndexes exceeded, or failed at the end). */
const INDEXES = /MaxFailedIndexesExceeded|maximal number of failed indexes|\bJob has failed indexes\b/i;

export const jobFailed: Rule = {
  id: 'job-failed',
  title: 'A Job failed (backoff limit, deadline or pod failure policy)',
  refs: ['corpus: job-failed'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, JOB, 3, ['deploy', 'test', 'pod']);
    if (lines.length === 0) return undefined;
    const deadline = /DeadlineExceeded|longer than specified deadline/i.test(lines.join('\n'));
    const policy = POLICY.test(lines.join('\n'));
    const indexes = INDEXES.test(lines.join('\n'));
    const name = clusterName(input);
    return {
      confidence: conf(0.8),
      explains: ['timeout', 'connection-refused'],
      summary: deadline
        ? 'A Job ran longer than its activeDeadlineSeconds and was failed: its work is too slow or waits on something it cannot reach.'
        : policy
          ? "A Job was failed by its podFailurePolicy: a pod's exit code or condition matched a FailJob rule (the pod's logs say why it exited so)."
          : indexes
            ? "An indexed Job's indexes failed beyond its backoffLimitPerIndex (or more than its maxFailedIndexes did): the failing indexes' commands fail (their pod logs say why)."
            : "A Job's pods kept failing until its backoffLimit was reached: the job's command fails (its pod logs say why).",
      evidence: lines,
      actions: [
        `kubectl --context kind-${name} get jobs -A`,
        `kubectl --context kind-${name} logs job/<job> --all-containers --tail=50`,
        `kubectl --context kind-${name} describe job <job>`,
      ],
    };
  },
};
